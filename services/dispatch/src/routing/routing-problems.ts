import { ProblemException, ValidationProblem } from '@hotline/platform';
import { NotYourAssignment } from './domain/case-assignment';

export const NOT_YOUR_ASSIGNMENT = 'urn:hotline:problem:not-your-assignment';
export const CASE_NOT_OPEN = 'urn:hotline:problem:case-not-open';

export const agentNotFound = (agentId: string) => new ProblemException({ status: 404, detail: `Your tenant has no agent ${agentId}.` });
export const teamNotFound = (teamId: string) => new ProblemException({ status: 404, detail: `Your tenant has no team ${teamId}.` });
export const assignmentNotFound = (caseId: string) => new ProblemException({ status: 404, detail: `Your tenant has no case ${caseId} to assign.` });

/** A reassignment to an agent routing has never heard of: the body's `agentId` is wrong, not the route. */
export const unknownAgent = (agentId: string) => new ValidationProblem([{ path: 'agentId', message: `Your tenant has no agent ${agentId}` }]);

export const caseNotOpen = (caseId: string, stage: string) =>
  new ProblemException({ status: 409, type: CASE_NOT_OPEN, title: 'The case is not open', detail: `Case ${caseId} is ${stage}: a closed or cancelled case is assigned to nobody new.` });

/** Domain refusals of an accept as 409 problem+json; anything else unchanged. */
export function acceptProblem(error: unknown): unknown {
  if (error instanceof NotYourAssignment) return new ProblemException({ status: 409, type: NOT_YOUR_ASSIGNMENT, title: 'Not your assignment', detail: error.message });
  return error;
}
