export interface DeliveryBackoff {
  /** Attempts in all, the first included, before a delivery is parked as failed. */
  maxAttempts: number;
  /** Wait after the first failed attempt; doubled after each further one. */
  baseDelayMs: number;
  /** The longest wait between attempts. */
  maxDelayMs: number;
}

/** After failed attempt `attempt` (1-based): when to try again, or give up (parked as failed). */
export function afterFailedAttempt(attempt: number, backoff: DeliveryBackoff): { retryInMs: number } | { giveUp: true } {
  if (attempt >= backoff.maxAttempts) return { giveUp: true };
  return { retryInMs: Math.min(backoff.maxDelayMs, backoff.baseDelayMs * 2 ** (attempt - 1)) };
}

/** Only a 2xx answer delivers; a redirect, an error status, a timeout or no answer at all does not. */
export function isDelivered(statusCode: number | undefined): boolean {
  return statusCode !== undefined && statusCode >= 200 && statusCode < 300;
}
