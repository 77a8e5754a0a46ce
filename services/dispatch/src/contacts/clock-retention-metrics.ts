import { Counter, register } from 'prom-client';

const PURGED = 'hotline_dispatch_closed_clocks_purged_total';

/** Registered once per process on the default registry, which /metrics serves. */
export const closedClocksPurged: Counter<string> =
  (register.getSingleMetric(PURGED) as Counter<string>) ??
  new Counter({ name: PURGED, help: 'Closed contact answer clocks deleted after their retention time' });
