import { afterFailedAttempt, isDelivered } from './delivery-backoff';

describe('webhook delivery backoff', () => {
  const backoff = { maxAttempts: 6, baseDelayMs: 5_000, maxDelayMs: 60_000 };

  it('doubles the wait after each failure, capped', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => afterFailedAttempt(attempt, backoff))).toEqual([
      { retryInMs: 5_000 },
      { retryInMs: 10_000 },
      { retryInMs: 20_000 },
      { retryInMs: 40_000 },
      { retryInMs: 60_000 },
    ]);
  });

  it('gives up once the attempts are spent', () => {
    expect(afterFailedAttempt(6, backoff)).toEqual({ giveUp: true });
    expect(afterFailedAttempt(1, { ...backoff, maxAttempts: 1 })).toEqual({ giveUp: true });
  });

  it('counts only a 2xx as delivered', () => {
    expect([200, 204, 299].every(isDelivered)).toBe(true);
    expect([undefined, 199, 301, 404, 500].some(isDelivered)).toBe(false);
  });
});
