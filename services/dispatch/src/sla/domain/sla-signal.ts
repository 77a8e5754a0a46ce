/**
 * What a clock listens to: facts about a contact or a case, named once here. The wiring turns
 * events (`contact.answered`, `case.transitioned` to handling, …) into these signals; a policy says
 * which of them start, pause, resume, stop or reset its clock.
 */
export const SLA_SIGNALS = [
  // A contact waiting for an agent (MANUAL ch. 2.1).
  'queued',
  'answered',
  'abandoned',
  'exited',
  // A case (ch. 2.2), a fault (ch. 4.3) or a complaint (ch. 6).
  'opened',
  'stage:consultation',
  'stage:acceptance',
  'stage:handling',
  'stage:follow_up',
  'stage:evaluation',
  'stage:closed',
  'assigned',
  'waiting_on_customer',
  'customer_replied',
  'resolved',
  'reopened',
  'cancelled',
  'record_completed',
  'follow_up_completed',
  'complaint_acknowledged',
  'priority_changed',
  // The case's region was named rural or a town's: its repair clock changes policy (keeping elapsed time).
  'policy_changed',
] as const;

export type SlaSignal = (typeof SLA_SIGNALS)[number];

export function isSlaSignal(value: unknown): value is SlaSignal {
  return typeof value === 'string' && (SLA_SIGNALS as readonly string[]).includes(value);
}
