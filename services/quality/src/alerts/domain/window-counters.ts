/**
 * A scope's queue outcomes per minute (by event time): the sliding windows KPI rules judge.
 * `offered` counts contacts that reached an outcome in the minute (answered, or abandoned after the
 * short-abandon threshold); `inTarget` those answered within the tenant's answer standard.
 */
export interface MinuteCounters {
  queued: number;
  offered: number;
  inTarget: number;
  abandoned: number;
}

export const MINUTE_MS = 60_000;

export function emptyMinute(): MinuteCounters {
  return { queued: 0, offered: 0, inTarget: 0, abandoned: 0 };
}

export function minuteOf(atMs: number): number {
  return Math.floor(atMs / MINUTE_MS) * MINUTE_MS;
}

/** A minute's counters, keyed by the minute's start (epoch ms). */
export type MinuteSeries = ReadonlyMap<number, MinuteCounters>;

/**
 * The sum over the window of `windowMs` ending at `nowMs`, `offset` windows back (0: the current
 * one). Minutes count whole, and every minute the window touches counts: it always holds at least
 * `windowMs` (up to a minute more), the current, still filling minute included. (Counting only the
 * minutes that start inside it would leave a 60 s window two seconds past the minute with two
 * seconds of contacts, under any minimum volume.) The previous window is as many minutes before it.
 */
export function sumWindow(series: MinuteSeries, nowMs: number, windowMs: number, offset = 0): MinuteCounters {
  const span = minuteOf(nowMs) - minuteOf(nowMs - windowMs) + MINUTE_MS;
  const end = minuteOf(nowMs) + MINUTE_MS - offset * span;
  const start = end - span;
  const sum = emptyMinute();
  for (const [minute, c] of series) {
    if (minute < start || minute >= end) continue;
    sum.queued += c.queued;
    sum.offered += c.offered;
    sum.inTarget += c.inTarget;
    sum.abandoned += c.abandoned;
  }
  return sum;
}

export function addCounters(a: MinuteCounters, b: MinuteCounters, sign = 1): MinuteCounters {
  return {
    queued: a.queued + sign * b.queued,
    offered: a.offered + sign * b.offered,
    inTarget: a.inTarget + sign * b.inTarget,
    abandoned: a.abandoned + sign * b.abandoned,
  };
}

export function isEmpty(c: MinuteCounters): boolean {
  return c.queued === 0 && c.offered === 0 && c.inTarget === 0 && c.abandoned === 0;
}
