import { ProblemException } from '@hotline/platform';
import type { MappingError } from './taskrouter-event-mapping';

/** Problem type of a platform record intake cannot turn into catalogue events (the Amazon Connect adapter's too). */
export const UNMAPPABLE_RECORD_PROBLEM = 'urn:hotline:problem:unmappable-record';

/** 422 naming every field the callback lacks or has wrong; nothing of it is stored. */
export function unmappableProblem(eventType: string | undefined, errors: readonly MappingError[]): ProblemException {
  return new ProblemException({
    status: 422,
    type: UNMAPPABLE_RECORD_PROBLEM,
    title: 'Unmappable record',
    detail: `Nothing was accepted: this TaskRouter ${eventType ? `'${eventType}' ` : ''}callback cannot be mapped onto Hotline events; see errors.`,
    errors: errors.map(({ path, message }) => ({ path, message })),
  });
}
