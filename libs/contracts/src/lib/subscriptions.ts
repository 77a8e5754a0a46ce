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
export const SUBSCRIPTIONS: readonly Subscription[] = Object.freeze([
  { service: 'dispatch', purpose: 'cases', patterns: ['case.opened'] },
  { service: 'quality', purpose: 'kpis', patterns: ['contact.*'] },
  { service: 'security', purpose: 'audit', patterns: ['#'] },
]);
