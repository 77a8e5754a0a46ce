/** How many windows' worth of clients are kept before the expired ones are swept. */
const SWEEP_AT = 10_000;

/**
 * Counts failed authentications per key (a client and a route) in fixed windows: past `limit`
 * failures the key must wait for its window to end. Kept in memory, so per service instance;
 * enough to make guessing slow, not a distributed rate limit.
 */
export class FailureThrottle {
  private readonly windows = new Map<string, { endsAt: number; failures: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whole seconds until `key` may try again; 0 when it may now. */
  retryAfterSeconds(key: string): number {
    const window = this.windows.get(key);
    if (!window || window.endsAt <= this.now() || window.failures < this.limit) return 0;
    return Math.ceil((window.endsAt - this.now()) / 1000);
  }

  recordFailure(key: string): void {
    const now = this.now();
    const window = this.windows.get(key);
    if (window && window.endsAt > now) {
      window.failures++;
      return;
    }
    if (this.windows.size >= SWEEP_AT) this.sweep(now);
    this.windows.set(key, { endsAt: now + this.windowMs, failures: 1 });
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
  }
}
