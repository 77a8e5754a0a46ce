/**
 * Where domain code takes the time from (DESIGN decision 12): deadlines are computed from an
 * injected clock, so a test sets the time instead of sleeping.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stays where a test puts it. */
export class ManualClock implements Clock {
  private at: number;

  constructor(start: Date | string) {
    this.at = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.at);
  }

  set(to: Date | string): void {
    this.at = new Date(to).getTime();
  }

  advance(ms: number): void {
    this.at += ms;
  }
}

/** `ms` after the clock's now: the due time of a timer set for a duration from now. */
export function dueIn(clock: Clock, ms: number): Date {
  return new Date(clock.now().getTime() + ms);
}
