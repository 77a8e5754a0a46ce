import { Counter, Gauge, Histogram, register } from 'prom-client';

// Registered once per process on the default registry, which /metrics serves.
function counter(name: string, help: string, labelNames: string[]): Counter<string> {
  return (register.getSingleMetric(name) as Counter<string>) ?? new Counter({ name, help, labelNames });
}
function gauge(name: string, help: string): Gauge<string> {
  return (register.getSingleMetric(name) as Gauge<string>) ?? new Gauge({ name, help });
}
function histogram(name: string, help: string, labelNames: string[], buckets: number[]): Histogram<string> {
  return (register.getSingleMetric(name) as Histogram<string>) ?? new Histogram({ name, help, labelNames, buckets });
}

export const timersMetrics = {
  fired: counter('hotline_timers_fired_total', 'Timers fired (handler committed), by kind and whether late', ['kind', 'late']),
  failed: counter('hotline_timers_failed_total', 'Handler failures, each retried later or parked', ['kind']),
  busy: counter('hotline_timers_busy_total', 'Timers their handler found busy (subject held by another transaction), claimed again shortly', []),
  parked: counter('hotline_timers_parked_total', 'Timers parked after their handler kept failing', ['kind']),
  parkedRows: gauge('hotline_timers_parked_rows', 'Parked timers waiting for a retry'),
  overdueSeconds: gauge('hotline_timers_overdue_seconds', 'How long ago the oldest unfired timer fell due (0 when none)'),
  delaySeconds: histogram(
    'hotline_timers_fire_delay_seconds',
    'From due time to firing, on the database clock',
    ['kind'],
    [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
  ),
};
