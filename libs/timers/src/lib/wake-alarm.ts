/**
 * Wakes the timers loop at the earliest due time it has been told of (by its own look at the
 * table after a drain, or by a NOTIFY when a sooner timer is set), so a timer fires on time
 * rather than at the next poll. Times beyond `horizonMs` are left to a later poll, which will
 * see them again; an alarm for a timer since cancelled only costs one empty pass.
 */
export class WakeAlarm {
  private at?: number;
  private handle?: NodeJS.Timeout;

  constructor(
    private readonly wake: () => void,
    private readonly horizonMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Asks to be woken at `at` (ms since the epoch, local clock); resolves whether the alarm moved. */
  offer(at: number): boolean {
    const now = this.now();
    if (at - now > this.horizonMs) return false;
    if (this.at !== undefined && this.at <= at) return false;
    clearTimeout(this.handle);
    this.at = at;
    this.handle = setTimeout(() => {
      this.at = undefined;
      this.handle = undefined;
      this.wake();
    }, Math.max(0, at - now));
    return true;
  }

  /** When the alarm will go off, if set. */
  get nextAt(): number | undefined {
    return this.at;
  }

  clear(): void {
    clearTimeout(this.handle);
    this.at = undefined;
    this.handle = undefined;
  }
}

/** A NOTIFY payload is the new timer's due time in epoch ms (database clock); anything else wakes at once. */
export function dueTimeOf(payload: string | undefined): number | undefined {
  if (!payload || !/^\d+$/.test(payload)) return undefined;
  return Number(payload);
}
