import { PROBLEM_TYPES, type ProblemInit, ProblemException } from '@hotline/platform';
import {
  EvidenceHashMismatch,
  EvidenceTooLarge,
  IllegalIncidentTransition,
  IncidentChangedMeanwhile,
  IncidentClosed,
  ReviewRequired,
  StepNotInPlan,
  StepOwnerRequired,
  StepPrerequisitesOpen,
} from './domain/incident-errors';

/** The 409's extension members: where the incident is, and where it may go from there. */
type TransitionProblem = ProblemInit & { state: string; allowed: readonly string[] };

export const ILLEGAL_TRANSITION = 'urn:hotline:problem:illegal-transition';
export const INCIDENT_CHANGED = 'urn:hotline:problem:incident-changed';
export const INCIDENT_CLOSED = 'urn:hotline:problem:incident-closed';
export const STEP_PREREQUISITES_OPEN = 'urn:hotline:problem:step-prerequisites-open';

/** Domain refusals of a transition: 409 naming the allowed states, or 422 naming the missing parts of the review. */
export function incidentTransitionProblem(error: unknown): unknown {
  if (error instanceof IllegalIncidentTransition) {
    const problem: TransitionProblem = { status: 409, type: ILLEGAL_TRANSITION, title: 'Illegal incident transition', detail: error.message, state: error.from, allowed: error.allowed };
    return new ProblemException(problem);
  }
  if (error instanceof IncidentChangedMeanwhile) {
    const problem: TransitionProblem = { status: 409, type: INCIDENT_CHANGED, title: 'The incident changed meanwhile', detail: error.message, state: error.state, allowed: error.allowed };
    return new ProblemException(problem);
  }
  if (error instanceof ReviewRequired) {
    const errors = error.missing.map((path) => ({ path, message: 'Required to close: the post-incident review {summary, rootCause, actions}' }));
    return new ProblemException({ status: 422, type: PROBLEM_TYPES.validation, title: 'Review required', detail: error.message, errors });
  }
  return error;
}

/** Domain refusals of a step's completion: 404 for a step not in the plan, 403 for the wrong role, 409 once closed or before the steps it follows. */
export function incidentStepProblem(error: unknown): unknown {
  if (error instanceof StepNotInPlan) return new ProblemException({ status: 404, detail: error.message });
  if (error instanceof StepOwnerRequired) return new ProblemException({ status: 403, detail: error.message });
  if (error instanceof IncidentClosed) return new ProblemException({ status: 409, type: INCIDENT_CLOSED, title: 'The incident is closed', detail: error.message });
  if (error instanceof StepPrerequisitesOpen) {
    const problem: ProblemInit & { open: readonly string[] } = { status: 409, type: STEP_PREREQUISITES_OPEN, title: 'Steps it follows are open', detail: error.message, open: error.open };
    return new ProblemException(problem);
  }
  return error;
}

/** Evidence refused before anything is stored: 413 beyond the size limit, 422 naming `sha256` when it is not the content's. */
export function evidenceProblem(error: unknown): unknown {
  if (error instanceof EvidenceTooLarge) {
    return new ProblemException({ status: 413, detail: error.message, errors: [{ path: 'content', message: `At most ${error.maxBytes} bytes` }] });
  }
  if (error instanceof EvidenceHashMismatch) {
    return new ProblemException({ status: 422, type: PROBLEM_TYPES.validation, title: 'Hash mismatch', detail: error.message, errors: [{ path: 'sha256', message: 'Not the SHA-256 of the content' }] });
  }
  return error;
}

export function incidentNotFound(id: string): ProblemException {
  return new ProblemException({ status: 404, detail: `Your tenant has no incident ${id}.` });
}
