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
  /** Who let an offer of it lapse: routing never offers it to them again (a supervisor still may). */
  lapsedBy: string[];
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

/**
 * The accept timer of an offer to `offeredTo` went off: true, with that agent remembered as one who
 * let it lapse, if the case is still offered to them; false for a stale timer (accepted, or offered
 * to someone else since), which changes nothing.
 */
export function lapse(assignment: CaseAssignment, offeredTo: string): boolean {
  if (assignment.state !== 'offered' || assignment.agentId !== offeredTo) return false;
  if (!assignment.lapsedBy.includes(offeredTo)) assignment.lapsedBy = [...assignment.lapsedBy, offeredTo];
  return true;
}
