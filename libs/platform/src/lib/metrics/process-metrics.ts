import { collectDefaultMetrics, register } from 'prom-client';

/**
 * Labels every metric in the default registry (messaging's included) with the service name and
 * starts the default process metrics. The registry is process-wide and outlives a Nest app, so a
 * second app in the same process (a test) must not register the process metrics again.
 */
export function startProcessMetrics(service: string): void {
  register.setDefaultLabels({ service });
  if (!register.getSingleMetric('process_cpu_user_seconds_total')) collectDefaultMetrics();
}
