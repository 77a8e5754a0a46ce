import { ProblemException } from '@hotline/platform';
import type { FieldError } from './field-error';

/** Problem type of a platform record intake cannot turn into catalogue events. */
export const UNMAPPABLE_RECORD_PROBLEM = 'urn:hotline:problem:unmappable-record';

/**
 * 422 naming every field that was missing or wrong. Nothing of the delivery is stored: a record is
 * never dropped in silence. `what` names the refused thing, e.g. "some records".
 */
export function unmappableProblem(what: string, errors: readonly FieldError[]): ProblemException {
  return new ProblemException({
    status: 422,
    type: UNMAPPABLE_RECORD_PROBLEM,
    title: 'Unmappable record',
    detail: `Nothing was accepted: ${what} cannot be mapped onto Hotline events; see errors.`,
    errors: errors.map(({ index, path, message }) => (index === undefined ? { path, message } : { index, path, message })),
  });
}
