import { type ProblemInit, ProblemException } from '@hotline/platform';
import { CaseArchived, CaseChangedMeanwhile, CaseFinished, IllegalTransition, RecordLocked } from './domain/case-errors';

/** The 409's extension members: where the case is, and where it may go from there. */
type TransitionProblem = ProblemInit & { stage: string; allowed: readonly string[] };

export const ILLEGAL_TRANSITION = 'urn:hotline:problem:illegal-transition';
export const CASE_CHANGED = 'urn:hotline:problem:case-changed';
export const CASE_ARCHIVED = 'urn:hotline:problem:case-archived';
export const RECORD_LOCKED = 'urn:hotline:problem:record-locked';
export const CASE_FINISHED = 'urn:hotline:problem:case-finished';

/** Domain refusals of a transition as 409 problem+json naming the allowed stages (`allowed`, and in `detail`). */
export function transitionProblem(error: unknown): unknown {
  if (error instanceof IllegalTransition) {
    const problem: TransitionProblem = { status: 409, type: ILLEGAL_TRANSITION, title: 'Illegal case transition', detail: error.message, stage: error.from, allowed: error.allowed };
    return new ProblemException(problem);
  }
  if (error instanceof CaseChangedMeanwhile) {
    const problem: TransitionProblem = { status: 409, type: CASE_CHANGED, title: 'The case changed meanwhile', detail: error.message, stage: error.stage, allowed: error.allowed };
    return new ProblemException(problem);
  }
  if (error instanceof CaseArchived) {
    const problem: TransitionProblem = { status: 409, type: CASE_ARCHIVED, title: 'The case is archived', detail: error.message, stage: error.stage, allowed: [] };
    return new ProblemException(problem);
  }
  return error;
}

/** Refusals of a record change as 409 problem+json; the archived and raced cases read as for a transition. */
export function recordProblem(error: unknown): unknown {
  if (error instanceof RecordLocked) {
    const problem: ProblemInit & { stage: string } = { status: 409, type: RECORD_LOCKED, title: 'The record is final', detail: error.message, stage: error.stage };
    return new ProblemException(problem);
  }
  return transitionProblem(error);
}

/** Refusals of a priority change as 409 problem+json; the archived and raced cases read as for a transition. */
export function priorityProblem(error: unknown): unknown {
  if (error instanceof CaseFinished) {
    const problem: ProblemInit & { stage: string } = { status: 409, type: CASE_FINISHED, title: 'The case is finished', detail: error.message, stage: error.stage };
    return new ProblemException(problem);
  }
  return transitionProblem(error);
}

export function caseNotFound(caseId: string): ProblemException {
  return new ProblemException({ status: 404, detail: `Your tenant has no case ${caseId}.` });
}
