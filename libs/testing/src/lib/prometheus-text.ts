/**
 * Reads one sample from Prometheus text exposition (a /metrics body): the sum of every series of
 * `name` whose labels include all of `labels`. 0 when there is none.
 */
export function metricValue(body: string, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  for (const line of body.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match || match[1] !== name) continue;
    const series = Object.fromEntries([...(match[3] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => series[k] === v)) total += Number(match[4]);
  }
  return total;
}
