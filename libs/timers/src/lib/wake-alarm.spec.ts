import { dueTimeOf, WakeAlarm } from './wake-alarm';

describe('WakeAlarm', () => {
  let now: number;
  let wakes: number;
  let alarm: WakeAlarm;

  beforeEach(() => {
    jest.useFakeTimers();
    now = 1_000_000;
    wakes = 0;
    alarm = new WakeAlarm(() => wakes++, 2_000, () => now);
  });
  afterEach(() => {
    alarm.clear();
    jest.useRealTimers();
  });
  const advance = (ms: number) => {
    now += ms;
    jest.advanceTimersByTime(ms);
  };

  it('wakes at the time offered', () => {
    expect(alarm.offer(now + 500)).toBe(true);
    advance(499);
    expect(wakes).toBe(0);
    advance(1);
    expect(wakes).toBe(1);
    expect(alarm.nextAt).toBeUndefined();
  });

  it('moves to a sooner time, and keeps its time when offered a later one', () => {
    alarm.offer(now + 1_500);
    expect(alarm.offer(now + 300)).toBe(true);
    expect(alarm.offer(now + 800)).toBe(false);
    advance(300);
    expect(wakes).toBe(1);
    advance(2_000);
    expect(wakes).toBe(1);
  });

  it('leaves a time beyond its horizon to a later poll', () => {
    expect(alarm.offer(now + 2_001)).toBe(false);
    advance(5_000);
    expect(wakes).toBe(0);
  });

  it('wakes at once for a time already past', () => {
    alarm.offer(now - 10);
    advance(0);
    expect(wakes).toBe(1);
  });
});

describe('dueTimeOf', () => {
  it('reads a due time in epoch ms, and nothing from any other payload', () => {
    expect(dueTimeOf('1795992780875')).toBe(1795992780875);
    expect(dueTimeOf('')).toBeUndefined();
    expect(dueTimeOf(undefined)).toBeUndefined();
    expect(dueTimeOf('soon')).toBeUndefined();
  });
});
