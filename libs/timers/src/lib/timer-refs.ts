import type { TimerRef } from './timer';

/** Column arrays for `unnest($1::text[], $2::text[], $3::text[])`: many timers in one statement. */
export function refColumns(refs: readonly TimerRef[]): [string[], string[], string[]] {
  return [refs.map((r) => r.tenantId), refs.map((r) => r.kind), refs.map((r) => r.key)];
}

/** Log text naming a timer. */
export function describeRef(ref: TimerRef): string {
  return `${ref.kind} ${ref.tenantId}/${ref.key}`;
}
