import type { EventType } from './catalogue';
import type { ServiceName } from './names';

/** A consumer queue (`<service>.<purpose>`) and the topic patterns bound to it. */
export interface Subscription {
  service: ServiceName;
  purpose: string;
  patterns: readonly string[];
}

/**
 * Every consumer queue and what it receives. Any service that publishes declares these queues and
 * bindings at start, so an event published before its consumer has ever run waits in the queue
 * instead of being dropped by the exchange. A consumer's `@EventPattern` must be listed here for
 * its queue (the transport refuses to start otherwise), so this table is the one truth about who
 * hears what.
 */
export const SUBSCRIPTIONS = Object.freeze([
  // A case opens from the platform's case, and from a reported fault or a filed complaint.
  { service: 'dispatch', purpose: 'cases', patterns: ['case.opened', 'fault.reported', 'complaint.filed'] },
  // Every contact's answer clock (manual 2.1): queued starts it, answered/abandoned/a queue exit stops it.
  { service: 'dispatch', purpose: 'contacts', patterns: ['contact.*'] },
  // Routing's view of who is available to take a case.
  { service: 'dispatch', purpose: 'agents', patterns: ['agent.status_changed'] },
  // A case's breach starts its escalation chain (issue 10 part 5); a withdrawn breach stops it.
  { service: 'dispatch', purpose: 'escalations', patterns: ['sla.breached', 'sla.withdrawn'] },
  // KPIs per contact: its life (contact.*), and the survey, complaint and answer breach linked to it;
  // per resolved case: its follow-up clock's verdict (sla.*) and who held it (case.assigned).
  {
    service: 'quality',
    purpose: 'kpis',
    patterns: ['contact.*', 'survey.completed', 'complaint.filed', 'sla.breached', 'sla.withdrawn', 'sla.stopped', 'case.assigned'],
  },
  // Every transcript scored against the etiquette rules (issue 11 part 3).
  { service: 'quality', purpose: 'scores', patterns: ['transcript.recorded'] },
  // Compliance with each deadline standard (issue 11 part 6): case clocks' verdicts, newest wins, withdrawals correct.
  { service: 'quality', purpose: 'compliance', patterns: ['sla.stopped', 'sla.breached', 'sla.withdrawn'] },
  // The scorecards' points ledger (issue 11 part 5): etiquette deductions, breaches and their withdrawals,
  // surveys; who answered a contact (its earlier evidence counts for them), held a case, is in which team.
  {
    service: 'quality',
    purpose: 'ledger',
    patterns: ['contact.scored', 'sla.breached', 'sla.withdrawn', 'survey.completed', 'contact.answered', 'case.assigned', 'agent.status_changed'],
  },
  // Live alerts (issue 11 part 4): queue outcomes feed sliding windows and low scores fire rules (contact.*: one
  // handler sees a batch's contact events together, so rules judge the whole batch, never half of it), breaches
  // fire rules, and an outage's declaration and end (dispatch's audit records) open and close inhibition.
  { service: 'quality', purpose: 'alerts', patterns: ['contact.*', 'sla.breached', 'sla.withdrawn', 'audit.recorded'] },
  // Quality's own alerts, heard back from the bus: logged once per event, streamed (SSE) and sent to webhooks (issue 11 part 4).
  { service: 'quality', purpose: 'alert-notifications', patterns: ['alert.*'] },
  { service: 'security', purpose: 'audit', patterns: ['#'] },
  // Detection rules that open incidents (issue 12): an agent's masked personal data, repeated refusals,
  // one user's bulk reads and exports (audit.recorded) and what platforms report.
  { service: 'security', purpose: 'detection', patterns: ['transcript.recorded', 'access.denied', 'audit.recorded', 'security.reported'] },
  // Each consumer keeps every version of each tenant's standards it hears of (DESIGN decision 11).
  { service: 'dispatch', purpose: 'standards', patterns: ['standards.published'] },
  { service: 'quality', purpose: 'standards', patterns: ['standards.published'] },
  { service: 'security', purpose: 'standards', patterns: ['standards.published'] },
] as const satisfies readonly Subscription[]);

type Subscribed = (typeof SUBSCRIPTIONS)[number];

/** The queue purposes a service consumes, e.g. `QueuePurpose<'quality'>` is `'kpis'`. */
export type QueuePurpose<S extends ServiceName = ServiceName> = Extract<Subscribed, { service: S }>['purpose'];

/** The patterns bound to a queue purpose, e.g. `SubscribedPattern<'standards'>` is `'standards.published'`. */
export type SubscribedPattern<Q extends QueuePurpose> = Extract<Subscribed, { purpose: Q }>['patterns'][number];

/**
 * The event types a topic pattern matches, for the patterns the table uses: an exact type, a
 * `prefix.*` (one more word) or `#` (everything).
 */
export type EventTypesMatching<P extends string> = P extends '#'
  ? EventType
  : P extends `${infer Prefix}.*`
    ? Extract<EventType, `${Prefix}.${string}`>
    : Extract<EventType, P>;
