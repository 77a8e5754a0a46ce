import { PROBLEM_TYPES, type ProblemInit, ProblemException } from '@hotline/platform';
import { IllegalIncidentTransition, IncidentChangedMeanwhile, ReviewRequired } from './domain/incident-errors';

/** The 409's extension members: where the incident is, and where it may go from there. */
type TransitionProblem = ProblemInit & { state: string; allowed: readonly string[] };

export const ILLEGAL_TRANSITION = 'urn:hotline:problem:illegal-transition';
export const INCIDENT_CHANGED = 'urn:hotline:problem:incident-changed';

/** Domain refusals of a transition: 409 naming the allowed states, or 400 naming `review`. */
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
    return new ProblemException({ status: 400, type: PROBLEM_TYPES.validation, title: 'Invalid request', detail: error.message, errors: [{ path: 'review', message: 'Required to close: the post-incident review' }] });
  }
  return error;
}

export function incidentNotFound(id: string): ProblemException {
  return new ProblemException({ status: 404, detail: `Your tenant has no incident ${id}.` });
}
