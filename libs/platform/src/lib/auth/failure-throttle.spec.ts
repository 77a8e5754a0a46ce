import { FailureThrottle } from './failure-throttle';

describe('FailureThrottle', () => {
  let now = 0;
  const throttle = () => new FailureThrottle(3, 60_000, () => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  it('lets a key fail `limit` times in a window, then makes it wait for the window to end', () => {
    const t = throttle();
    for (let i = 0; i < 3; i++) {
      expect(t.retryAfterSeconds('10.0.0.1 PUT /x')).toBe(0);
      t.recordFailure('10.0.0.1 PUT /x');
    }
    expect(t.retryAfterSeconds('10.0.0.1 PUT /x')).toBe(60);
    now += 59_001;
    expect(t.retryAfterSeconds('10.0.0.1 PUT /x')).toBe(1);
    now += 999;
    expect(t.retryAfterSeconds('10.0.0.1 PUT /x')).toBe(0);
  });

  it('counts each key apart, and starts a fresh window after one ends', () => {
    const t = throttle();
    for (let i = 0; i < 3; i++) t.recordFailure('a');
    expect(t.retryAfterSeconds('b')).toBe(0);
    now += 60_000;
    t.recordFailure('a');
    expect(t.retryAfterSeconds('a')).toBe(0);
    t.recordFailure('a');
    t.recordFailure('a');
    expect(t.retryAfterSeconds('a')).toBe(60);
  });

  it('forgets expired windows once many keys are kept', () => {
    const t = throttle();
    for (let i = 0; i < 10_000; i++) t.recordFailure(`client-${i}`);
    now += 60_000;
    t.recordFailure('late');
    expect((t as unknown as { windows: Map<string, unknown> }).windows.size).toBe(1);
  });
});
