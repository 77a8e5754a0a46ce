import type { Requirement } from './routing-rules';

/**
 * Where a case's assignment is: `waiting` for an eligible agent to become available, `offered` to
 * an agent who must accept it in time, or `accepted` by that agent.
 */
export type AssignmentState = 'waiting' | 'offered' | 'accepted';

export interface CaseAssignment {
  tenantId: string;
  caseId: string;
  /** Decided when the case opened, from the tenant's rules then. */
  requirement: Requirement;
  state: AssignmentState;
  agentId: string | null;
  /** When it was last offered (null while waiting). */
  offeredAt: Date | null;
}

/** Why an accept is refused; the route answers 409 naming it. */
export class NotYourAssignment extends Error {
  constructor(
    readonly caseId: string,
    readonly agentId: string | null,
  ) {
    super(agentId === null ? `Case ${caseId} is waiting for an agent; it is offered to nobody.` : `Case ${caseId} is assigned to another agent.`);
  }
}

/**
 * The agent accepts the case: true when that changes it, false when it had accepted already (a
 * retried request). Throws NotYourAssignment when the case is not offered to or held by this agent.
 */
export function accept(assignment: CaseAssignment, agentId: string): boolean {
  if (assignment.agentId !== agentId) throw new NotYourAssignment(assignment.caseId, assignment.agentId);
  if (assignment.state === 'accepted') return false;
  assignment.state = 'accepted';
  return true;
}

/** A lapse timer for this offer still stands: the case is offered to the agent the timer was set for. */
export function lapses(assignment: CaseAssignment, offeredTo: string): boolean {
  return assignment.state === 'offered' && assignment.agentId === offeredTo;
}
