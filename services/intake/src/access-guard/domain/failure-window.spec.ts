import { FailureWindow } from './failure-window';

const SECOND = 1_000;

/** Records `count` failures one second apart from `start`; returns every report made. */
function fail(window: FailureWindow, origin: string, count: number, start = 0, keyPrefix?: string) {
  return Array.from({ length: count }, (_, i) => window.record(origin, start + i * SECOND, keyPrefix)).filter(Boolean);
}

describe('FailureWindow (5 failures in 60 s by default)', () => {
  it('reports once, on the fifth failure within the window', () => {
    const window = new FailureWindow();
    const results = Array.from({ length: 5 }, (_, i) => window.record('a', i * SECOND, 'hlk_AAAAAAAA'));
    expect(results.slice(0, 4)).toEqual([undefined, undefined, undefined, undefined]);
    expect(results[4]).toEqual({ attempts: 5, keyPrefix: 'hlk_AAAAAAAA' });
  });

  it('does not report again while the window since the report lasts, however many failures follow', () => {
    const window = new FailureWindow();
    expect(fail(window, 'a', 5)).toHaveLength(1);
    // Failures every second until just before a full window has passed since the report at 4 s.
    expect(fail(window, 'a', 59, 5 * SECOND)).toEqual([]);
  });

  it('reports a sustained attack again once a window has passed since the report, with the count it saw', () => {
    const window = new FailureWindow();
    fail(window, 'a', 5); // report at 4 s
    expect(fail(window, 'a', 59, 5 * SECOND)).toEqual([]); // 5 s … 63 s
    expect(window.record('a', 64 * SECOND)).toEqual({ attempts: 60 }); // (4 s, 64 s] holds 5 s … 64 s
  });

  it('counts only failures inside the sliding window', () => {
    const window = new FailureWindow();
    fail(window, 'a', 4); // 0 … 3 s
    expect(window.record('a', 61 * SECOND)).toBeUndefined(); // 0 s and 1 s have left: 3 in the window
    expect(window.record('a', 62 * SECOND)).toBeUndefined(); // 2 s has left too: 3
    expect(window.record('a', 62.5 * SECOND)).toBeUndefined(); // 3 s, 61, 62, 62.5: 4
    expect(window.record('a', 62.9 * SECOND)).toEqual({ attempts: 5 });
  });

  it('counts each origin on its own', () => {
    const window = new FailureWindow();
    fail(window, 'a', 4);
    expect(fail(window, 'b', 4)).toEqual([]);
    expect(window.record('a', 10 * SECOND)).toEqual({ attempts: 5 });
    expect(window.record('b', 10 * SECOND)).toEqual({ attempts: 5 });
  });

  it('names the key prefix only when every counted failure presented the same one', () => {
    const same = new FailureWindow();
    expect(fail(same, 'a', 5, 0, 'hlk_AAAAAAAA')).toEqual([{ attempts: 5, keyPrefix: 'hlk_AAAAAAAA' }]);
    const mixed = new FailureWindow();
    fail(mixed, 'a', 4, 0, 'hlk_AAAAAAAA');
    expect(mixed.record('a', 10 * SECOND, 'hlk_BBBBBBBB')).toEqual({ attempts: 5 });
  });

  it('forgets origins whose failures have left the window', () => {
    const window = new FailureWindow();
    fail(window, 'a', 3);
    fail(window, 'b', 3, 30 * SECOND);
    expect(window.size).toBe(2);
    window.record('c', 63 * SECOND); // a's last failure (2 s) is out; b's (32 s) is not
    expect(window.size).toBe(2);
    window.record('c', 93 * SECOND);
    expect(window.size).toBe(1);
  });

  it('keeps at most maxOrigins, forgetting the least recently seen first', () => {
    const window = new FailureWindow({ maxOrigins: 3 });
    fail(window, 'a', 4);
    for (const origin of ['b', 'c', 'd']) window.record(origin, 5 * SECOND);
    expect(window.size).toBe(3);
    // 'a' was evicted, so its count starts over.
    expect(window.record('a', 6 * SECOND)).toBeUndefined();
    // 'b' was the stalest left and made room for 'a'; 'c' and 'd' remain.
    expect(window.size).toBe(3);
  });

  it('counts attempts up to maxAttempts per origin', () => {
    const window = new FailureWindow({ maxAttempts: 10 });
    fail(window, 'a', 5); // report at 4 s
    fail(window, 'a', 55, 5 * SECOND);
    expect(window.record('a', 64 * SECOND)).toEqual({ attempts: 10 });
  });

  it('takes the threshold and window length from its settings', () => {
    const window = new FailureWindow({ threshold: 2, windowMs: 10 * SECOND });
    expect(window.record('a', 0)).toBeUndefined();
    expect(window.record('a', 11 * SECOND)).toBeUndefined();
    expect(window.record('a', 12 * SECOND)).toEqual({ attempts: 2 });
  });

  it('refuses settings that cannot work', () => {
    expect(() => new FailureWindow({ threshold: 0 })).toThrow(RangeError);
    expect(() => new FailureWindow({ threshold: 5, maxAttempts: 4 })).toThrow(RangeError);
    expect(() => new FailureWindow({ windowMs: 0 })).toThrow(RangeError);
  });
});
