import type { IncidentActor } from './incident';
import { StepOwnerRequired, StepPrerequisitesOpen } from './incident-errors';
import type { IncidentState } from './incident-state';
import type { ScheduledStep } from './response-plans';

/** Where a plan step stands: `late` fell due undone (escalated); a late step completed is `done`. */
export type StepState = 'pending' | 'late' | 'done';

/** A step of an incident's plan as live work: its deadline, and whether and by whom it was done. */
export interface IncidentStep extends ScheduledStep {
  position: number;
  /** When it fell due undone and was escalated; null while on time. */
  lateAt: Date | null;
  completedAt: Date | null;
  completedBy: IncidentActor | null;
  note: string | null;
}

/** The durable timer of a step's deadline (libs/timers): one per incident and step. */
export const STEP_TIMER_KIND = 'incident.step';

export function stepTimerKey(incidentId: string, stepId: string): string {
  return `${incidentId}/${stepId}`;
}

export function stepState(step: Pick<IncidentStep, 'completedAt' | 'lateAt'>): StepState {
  if (step.completedAt) return 'done';
  return step.lateAt ? 'late' : 'pending';
}

/** A step is done by the role that owns it, or by security (which runs every plan). */
export function mayComplete(ownerRole: string, roles: readonly string[]): boolean {
  return roles.includes(ownerRole) || roles.includes('security');
}

export type StepCompletion = { kind: 'completed'; stepId: string; late: boolean; at: Date } | { kind: 'already_done'; stepId: string };

/**
 * Completing a step: once, and only after the steps it follows (`after`) among `steps` are done.
 * Completing it again changes nothing (`already_done`, so a retried request is harmless); the first
 * note and author stay.
 */
export function completeStep(step: IncidentStep, actor: IncidentActor, at: Date, steps: readonly IncidentStep[] = []): StepCompletion {
  if (!mayComplete(step.ownerRole, actor.roles)) throw new StepOwnerRequired(step.id, step.ownerRole);
  if (step.completedAt) return { kind: 'already_done', stepId: step.id };
  const open = (step.after ?? []).filter((id) => !steps.find((other) => other.id === id)?.completedAt);
  if (open.length > 0) throw new StepPrerequisitesOpen(step.id, open);
  return { kind: 'completed', stepId: step.id, late: step.lateAt !== null || at.getTime() > step.dueAt.getTime(), at };
}

/** Whether a step's deadline timer, firing, escalates: only a step still undone of an incident not closed. */
export function escalates(step: Pick<IncidentStep, 'completedAt' | 'lateAt'>, incidentState: IncidentState): boolean {
  return incidentState !== 'closed' && stepState(step) === 'pending';
}

/** The plan step a move accomplishes: moving to triaged is the triage done, and so on. */
const DONE_BY_MOVE: Partial<Record<IncidentState, string>> = { triaged: 'triage', contained: 'contain', closed: 'review' };

export function stepDoneByMove(to: IncidentState): string | undefined {
  return DONE_BY_MOVE[to];
}
