export interface RetryBackoff {
  /** Tries before a failing timer is parked (default 5). */
  maxAttempts: number;
  /** Delay after the first failure; doubled after each further one (default 1 s). */
  baseDelayMs: number;
  /** The longest delay between tries (default 60 s). */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_BACKOFF: RetryBackoff = { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 60_000 };

/**
 * What to do with a timer whose handler failed on try `attempt` (1-based): try again after a
 * delay, or park it with its reason once its tries are spent, so it stops being claimed.
 */
export function afterFailure(attempt: number, backoff: RetryBackoff): { park: true } | { park: false; delayMs: number } {
  if (attempt >= backoff.maxAttempts) return { park: true };
  return { park: false, delayMs: Math.min(backoff.maxDelayMs, backoff.baseDelayMs * 2 ** (attempt - 1)) };
}
