import { ProblemException } from '@hotline/platform';
import type { ConversationError } from './conversation-mapping';

/** Problem type of a platform record intake cannot turn into catalogue events (the other adapters' too). */
export const UNMAPPABLE_RECORD_PROBLEM = 'urn:hotline:problem:unmappable-record';

/** 422 naming every field that was missing or wrong, with each conversation's index in a batch; nothing is stored. */
export function unmappableProblem(errors: readonly ConversationError[]): ProblemException {
  return new ProblemException({
    status: 422,
    type: UNMAPPABLE_RECORD_PROBLEM,
    title: 'Unmappable record',
    detail: 'Nothing was accepted: some conversations cannot be mapped onto Hotline events; see errors.',
    errors: errors.map(({ index, path, message }) => (index === undefined ? { path, message } : { index, path, message })),
  });
}
