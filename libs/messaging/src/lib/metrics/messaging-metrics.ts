import { Counter, Gauge, Histogram, register } from 'prom-client';

// Registered once per process on the default registry, which /metrics serves.
function counter(name: string, help: string, labelNames: string[]): Counter<string> {
  return (register.getSingleMetric(name) as Counter<string>) ?? new Counter({ name, help, labelNames });
}
function gauge(name: string, help: string, labelNames: string[] = []): Gauge<string> {
  return (register.getSingleMetric(name) as Gauge<string>) ?? new Gauge({ name, help, labelNames });
}
function histogram(name: string, help: string, labelNames: string[], buckets: number[]): Histogram<string> {
  return (register.getSingleMetric(name) as Histogram<string>) ?? new Histogram({ name, help, labelNames, buckets });
}

/**
 * Seconds a handler may take, 1 ms to 30 s: most handlers are one or two statements (a few ms),
 * a batch of 100 takes tens to hundreds of ms, and anything past 10 s is stuck on a lock or a
 * dependency. Roughly ×2.5 per step, so p50/p95/p99 stay readable across that range.
 */
export const HANDLING_SECONDS_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Deliveries per batch, up to the largest maxBatch a service configures (CONSUMER_MAX_BATCH, default 400, at most 1,000). */
export const BATCH_SIZE_BUCKETS = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000];

export const messagingMetrics = {
  published: counter('hotline_events_published_total', 'Events published with a broker confirm', ['type']),
  consumed: counter('hotline_events_consumed_total', 'Deliveries handled, by outcome', ['queue', 'type', 'outcome']),
  retried: counter('hotline_events_retried_total', 'Deliveries sent to a delay queue after a failure', ['queue', 'type']),
  deadLettered: counter('hotline_events_dead_lettered_total', 'Deliveries moved to a dead-letter queue', ['queue', 'type']),
  handlingSeconds: histogram(
    'hotline_event_handling_seconds',
    "Time an event's handlers took, every attempt (failed ones too): per delivery, or per event inside a batch",
    ['queue', 'type'],
    HANDLING_SECONDS_BUCKETS,
  ),
  batchSeconds: histogram(
    'hotline_event_batch_seconds',
    'Time a batched queue took to apply one batch: inbox, handlers, outbox and commit',
    ['queue'],
    HANDLING_SECONDS_BUCKETS,
  ),
  batchSize: histogram('hotline_event_batch_size', 'Deliveries applied in one transaction by a batched queue', ['queue'], BATCH_SIZE_BUCKETS),
  unacked: gauge(
    'hotline_queue_messages_unacked',
    'Deliveries of the queue this process holds unacknowledged (taken, not yet acked, retried or dead-lettered)',
    ['queue'],
  ),
  outboxPending: gauge('hotline_outbox_pending', 'Outbox rows not yet published'),
  outboxParked: counter('hotline_outbox_parked_total', 'Outbox rows parked because they could not be published', []),
  outboxParkedRows: gauge('hotline_outbox_parked_rows', 'Parked outbox rows waiting for `npx hotline outbox retry`'),
  outboxLagSeconds: gauge('hotline_outbox_lag_seconds', 'Age of the oldest unpublished outbox row'),
};
