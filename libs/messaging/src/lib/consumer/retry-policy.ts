/** Default backoff between attempts of a failing handler: 1 s, 10 s, 60 s, then dead-letter. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1_000, 10_000, 60_000];

export const RETRY_COUNT_HEADER = 'x-retry-count';
export const LAST_ERROR_HEADER = 'x-last-error';
export const FAILED_AT_HEADER = 'x-failed-at';
export const ORIGINAL_QUEUE_HEADER = 'x-original-queue';

export type FailureOutcome = { action: 'retry'; attempt: number; delayMs: number } | { action: 'dead-letter' };

/**
 * How a handler failed: `transient` (retry, then dead-letter), `permanent` (an event that can never
 * be valid: dead-letter at once), `unavailable` (a dependency such as the database is down: the
 * event is fine, so it waits without spending its retries, however long the outage lasts).
 */
export type FailureKind = 'transient' | 'permanent' | 'unavailable';

/** What to do with a message whose handler failed; `retriesSoFar` comes from the message header. */
export function decideOnFailure(retriesSoFar: number, delaysMs: readonly number[], kind: FailureKind = 'transient'): FailureOutcome {
  if (kind === 'unavailable' && delaysMs.length > 0) {
    return { action: 'retry', attempt: retriesSoFar, delayMs: delaysMs[Math.min(1, delaysMs.length - 1)] };
  }
  if (kind === 'permanent' || retriesSoFar >= delaysMs.length) return { action: 'dead-letter' };
  return { action: 'retry', attempt: retriesSoFar + 1, delayMs: delaysMs[retriesSoFar] };
}

export function retriesSoFar(headers: Record<string, unknown> | undefined): number {
  const raw = headers?.[RETRY_COUNT_HEADER];
  const n = typeof raw === 'number' ? raw : Number(raw);
  return Number.isInteger(n) && n > 0 ? n : 0;
}
