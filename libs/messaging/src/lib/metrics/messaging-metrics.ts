import { Counter, Gauge, register } from 'prom-client';

// Registered once per process on the default registry, which /metrics serves.
function counter(name: string, help: string, labelNames: string[]): Counter<string> {
  return (register.getSingleMetric(name) as Counter<string>) ?? new Counter({ name, help, labelNames });
}
function gauge(name: string, help: string): Gauge<string> {
  return (register.getSingleMetric(name) as Gauge<string>) ?? new Gauge({ name, help });
}

export const messagingMetrics = {
  published: counter('hotline_events_published_total', 'Events published with a broker confirm', ['type']),
  consumed: counter('hotline_events_consumed_total', 'Deliveries handled, by outcome', ['queue', 'type', 'outcome']),
  retried: counter('hotline_events_retried_total', 'Deliveries sent to a delay queue after a failure', ['queue', 'type']),
  deadLettered: counter('hotline_events_dead_lettered_total', 'Deliveries moved to a dead-letter queue', ['queue', 'type']),
  outboxPending: gauge('hotline_outbox_pending', 'Outbox rows not yet published'),
  outboxParked: counter('hotline_outbox_parked_total', 'Outbox rows parked because they could not be published', []),
  outboxParkedRows: gauge('hotline_outbox_parked_rows', 'Parked outbox rows waiting for `npx hotline outbox retry`'),
  outboxLagSeconds: gauge('hotline_outbox_lag_seconds', 'Age of the oldest unpublished outbox row'),
};
