import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('lets a burst up to its capacity through, then refuses with the wait', () => {
    const bucket = new TokenBucket(100, 200, 0);
    expect(bucket.take(150, 0)).toEqual({ ok: true });
    expect(bucket.take(50, 0)).toEqual({ ok: true });
    expect(bucket.take(100, 0)).toEqual({ ok: false, retryAfterSeconds: 1 });
  });

  it('refills at its rate', () => {
    const bucket = new TokenBucket(100, 200, 0);
    bucket.take(200, 0);
    expect(bucket.take(40, 400)).toEqual({ ok: true }); // 0.4 s × 100/s
    expect(bucket.take(5, 400)).toEqual({ ok: false, retryAfterSeconds: 1 });
  });

  it('rounds the wait up to whole seconds and never below one', () => {
    const bucket = new TokenBucket(10, 10, 0);
    bucket.take(10, 0);
    expect(bucket.take(25, 0)).toEqual({ ok: false, retryAfterSeconds: 1 });
    const slow = new TokenBucket(1, 10, 0);
    slow.take(10, 0);
    expect(slow.take(5, 0)).toEqual({ ok: false, retryAfterSeconds: 5 });
  });

  it('knows when it is full again', () => {
    const bucket = new TokenBucket(10, 10, 0);
    bucket.take(10, 0);
    expect(bucket.isFull(500)).toBe(false);
    expect(bucket.isFull(1000)).toBe(true);
  });
});
