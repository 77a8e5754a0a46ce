import { ProblemException } from '@hotline/platform';
import { DisputeRefused } from './domain/dispute';
import { DisputeNotFound } from './use-cases/dispute-entries';

const TITLES: Record<DisputeRefused['code'], string> = {
  'not-yours': 'The entry is not yours',
  'not-disputable': 'The entry counts no points to dispute',
  'already-disputed': 'The entry has been disputed already',
  'already-ruled': 'The dispute has been ruled on already',
};

/** A refused dispute or ruling as problem+json: 404 for what the caller may not see, 409 for a conflict. */
export function disputeProblem(error: unknown): unknown {
  if (error instanceof DisputeNotFound) return new ProblemException({ status: 404, detail: error.message });
  if (error instanceof DisputeRefused) {
    return new ProblemException({ status: 409, type: `urn:hotline:problem:dispute-${error.code}`, title: TITLES[error.code], detail: error.message });
  }
  return error;
}
