import { ProblemException } from '@hotline/platform';
import { transitionProblem } from '../cases/case-problems';
import { ComplaintConflict } from './domain/complaint-errors';

/** Each refusal has its own problem type, e.g. `urn:hotline:problem:complaint-archived`. */
export const complaintProblemType = (code: ComplaintConflict['code']): string => `urn:hotline:problem:complaint-${code}`;

const TITLES: Record<ComplaintConflict['code'], string> = {
  archived: 'The complaint is archived',
  'already-acknowledged': 'The complaint is already acknowledged',
  'cannot-resolve': 'The complaint cannot be resolved from its case’s stage',
  'not-resolved': 'The complaint has no resolution yet',
  'feedback-given': 'The resolution already has feedback',
  'not-closed': 'The complaint’s case is not closed or cancelled',
};

/** A refused update as a 409 problem+json saying why (with `stage` when the case's stage is why); the case's own refusals as the cases routes answer them. */
export function complaintProblem(error: unknown): unknown {
  if (error instanceof ComplaintConflict) {
    return new ProblemException({
      status: 409,
      type: complaintProblemType(error.code),
      title: TITLES[error.code],
      detail: error.message,
      ...(error.stage === undefined ? {} : { stage: error.stage }),
    });
  }
  return transitionProblem(error);
}

export function complaintNotFound(complaintId: string): ProblemException {
  return new ProblemException({ status: 404, detail: `Your tenant has no complaint ${complaintId}.` });
}
