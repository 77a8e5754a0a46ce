/**
 * AMQP topic matching: words are dot-separated, `*` matches exactly one word, `#` zero or more.
 * The consumer binds its queue with each handler's pattern and uses this to pick the handler for
 * a routing key, so a handler may subscribe to `contact.*` or `#` as RabbitMQ would route it.
 */
export function matchesTopic(pattern: string, routingKey: string): boolean {
  return match(pattern.split('.'), 0, routingKey.split('.'), 0);
}

function match(p: string[], i: number, k: string[], j: number): boolean {
  if (i === p.length) return j === k.length;
  if (p[i] === '#') {
    for (let skip = j; skip <= k.length; skip++) if (match(p, i + 1, k, skip)) return true;
    return false;
  }
  if (j === k.length) return false;
  return (p[i] === '*' || p[i] === k[j]) && match(p, i + 1, k, j + 1);
}

/** Exact patterns win over wildcards, so a specific handler can sit beside a catch-all. */
export function selectPatterns(patterns: Iterable<string>, routingKey: string): string[] {
  const all = [...patterns];
  if (all.includes(routingKey)) return [routingKey];
  return all.filter((p) => matchesTopic(p, routingKey));
}
