import { ProblemException } from '@hotline/platform';
import type { RecordError } from './record-reader';

/** Problem type of a platform record intake cannot turn into catalogue events. */
export const UNMAPPABLE_RECORD_PROBLEM = 'urn:hotline:problem:unmappable-record';

/**
 * 422 naming every field that was missing or wrong, with each record's index when several were
 * sent. Nothing of the delivery is stored: a record is never dropped in silence.
 */
export function unmappableProblem(errors: readonly RecordError[], batch: boolean): ProblemException {
  return new ProblemException({
    status: 422,
    type: UNMAPPABLE_RECORD_PROBLEM,
    title: 'Unmappable record',
    detail: 'Nothing was accepted: some records cannot be mapped onto Hotline events; see errors.',
    errors: errors.map(({ index, path, message }) => (batch ? { index, path, message } : { path, message })),
  });
}
