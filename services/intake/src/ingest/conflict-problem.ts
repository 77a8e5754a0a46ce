import { ProblemException } from '@hotline/platform';
import type { IngestConflict } from './domain/ingest-outcome';

export const EVENT_CONFLICT_PROBLEM_TYPE = 'urn:hotline:problem:event-conflict';

/**
 * The 409 answering a single event whose (source, id) was already accepted with other content. A
 * batch is not refused for it (its other events were kept): it lists the conflict instead.
 */
export function conflictProblem(conflict: IngestConflict): ProblemException {
  return new ProblemException({ status: 409, type: EVENT_CONFLICT_PROBLEM_TYPE, title: 'Event id already used for other content', detail: conflict.detail });
}
