import { afterFailure, DEFAULT_RETRY_BACKOFF } from './retry-backoff';

describe('afterFailure', () => {
  it('doubles the delay after each failed try, up to the cap, then parks once the tries are spent', () => {
    const backoff = { maxAttempts: 6, baseDelayMs: 1_000, maxDelayMs: 5_000 };
    expect([1, 2, 3, 4, 5, 6].map((attempt) => afterFailure(attempt, backoff))).toEqual([
      { park: false, delayMs: 1_000 },
      { park: false, delayMs: 2_000 },
      { park: false, delayMs: 4_000 },
      { park: false, delayMs: 5_000 },
      { park: false, delayMs: 5_000 },
      { park: true },
    ]);
  });

  it('parks on the first failure when one try is allowed', () => {
    expect(afterFailure(1, { ...DEFAULT_RETRY_BACKOFF, maxAttempts: 1 })).toEqual({ park: true });
  });

  it('by default tries five times over about 15 s', () => {
    const delays = [1, 2, 3, 4].map((a) => afterFailure(a, DEFAULT_RETRY_BACKOFF));
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000].map((delayMs) => ({ park: false, delayMs })));
    expect(afterFailure(5, DEFAULT_RETRY_BACKOFF)).toEqual({ park: true });
  });
});
