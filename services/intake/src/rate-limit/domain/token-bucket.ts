/**
 * A token bucket: `capacity` tokens, refilled at `ratePerSecond`. Taking n tokens either succeeds
 * or says how long until n are available. Time is passed in, so the rule is testable as is.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly capacity: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.updatedAt = now;
  }

  take(n: number, now: number): { ok: true } | { ok: false; retryAfterSeconds: number } {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updatedAt) / 1000) * this.ratePerSecond);
    this.updatedAt = now;
    if (n <= this.tokens) {
      this.tokens -= n;
      return { ok: true };
    }
    // A request larger than the whole bucket can never pass; tell the client to wait a full refill.
    const missing = Math.min(n, this.capacity) - this.tokens;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(missing / this.ratePerSecond)) };
  }

  /** True once the bucket has refilled completely: an idle tenant's bucket can be forgotten. */
  isFull(now: number): boolean {
    return this.tokens + ((now - this.updatedAt) / 1000) * this.ratePerSecond >= this.capacity;
  }
}
