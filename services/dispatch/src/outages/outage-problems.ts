import { ProblemException } from '@hotline/platform';
import { CaseChangedMeanwhile } from '../cases/domain/case-errors';
import { OutageNotOpen } from './use-cases/resolve-outage';

export function outageNotFound(outageId: string): ProblemException {
  return new ProblemException({ status: 404, detail: `Your tenant has no outage ${outageId}.` });
}

/** An outage already over, or a parent moved by someone else meanwhile: 409 saying so; anything else unchanged. */
export function resolutionProblem(error: unknown): unknown {
  if (error instanceof OutageNotOpen) return new ProblemException({ status: 409, type: 'urn:hotline:problem:outage-not-open', title: 'The outage is over', detail: error.message });
  if (error instanceof CaseChangedMeanwhile) return new ProblemException({ status: 409, type: 'urn:hotline:problem:case-changed', title: 'The case changed meanwhile', detail: error.message });
  return error;
}
