/** When repeated failures from one origin count as an attack worth reporting. */
export interface FailureWindowSettings {
  /** Failures within `windowMs` that make one report. */
  threshold: number;
  /** Length of the sliding window; also how long an origin stays quiet after a report. */
  windowMs: number;
  /** Origins remembered at most; past it the least recently seen is forgotten. */
  maxOrigins: number;
  /** Failures remembered per origin at most (≥ threshold): a report's `attempts` counts up to it. */
  maxAttempts: number;
}

export const DEFAULT_FAILURE_WINDOW: FailureWindowSettings = {
  threshold: 5,
  windowMs: 60_000,
  maxOrigins: 10_000,
  maxAttempts: 100,
};

/** A threshold crossing: how many failures the window held, and the key prefix they shared, if any. */
export interface RepeatedFailure {
  attempts: number;
  keyPrefix?: string;
}

/** One origin's recent failures, oldest first, as parallel arrays (no object per failure). */
interface Origin {
  times: number[];
  keyPrefixes: (string | undefined)[];
  lastAt: number;
  reportedAt?: number;
}

/**
 * Counts failures per origin in a sliding window and says when an origin crosses the threshold:
 * once, and not again for that origin until a whole window has passed since (a sustained attack
 * is reported once per window). Memory is bounded: an origin whose last failure left the window is
 * forgotten, and beyond `maxOrigins` the least recently seen one is (it may then be reported again).
 */
export class FailureWindow {
  private readonly settings: FailureWindowSettings;
  /** In order of last failure: the first entries are the stalest, so eviction starts there. */
  private readonly origins = new Map<string, Origin>();

  constructor(settings: Partial<FailureWindowSettings> = {}) {
    this.settings = { ...DEFAULT_FAILURE_WINDOW, ...settings };
    const { threshold, windowMs, maxOrigins, maxAttempts } = this.settings;
    if (!(threshold >= 1 && windowMs > 0 && maxOrigins >= 1 && maxAttempts >= threshold)) {
      throw new RangeError(`Invalid failure window settings: ${JSON.stringify(this.settings)}`);
    }
  }

  /** Origins currently remembered. */
  get size(): number {
    return this.origins.size;
  }

  /** Records a failure at `now` (ms); returns the report to make when this one crosses the threshold. */
  record(origin: string, now: number, keyPrefix?: string): RepeatedFailure | undefined {
    const { threshold, windowMs, maxAttempts } = this.settings;
    const since = now - windowMs;
    this.forgetBefore(since);

    const entry: Origin = this.origins.get(origin) ?? { times: [], keyPrefixes: [], lastAt: now };
    this.origins.delete(origin); // re-inserted below, as the most recently seen
    entry.times.push(now);
    entry.keyPrefixes.push(keyPrefix);
    const stale = Math.max(entry.times.length - maxAttempts, countWhile(entry.times, (at) => at <= since));
    entry.times.splice(0, stale);
    entry.keyPrefixes.splice(0, stale);
    entry.lastAt = now;
    this.origins.set(origin, entry);
    this.enforceCapacity();

    const quiet = entry.reportedAt !== undefined && entry.reportedAt > since;
    if (quiet || entry.times.length < threshold) return undefined;
    entry.reportedAt = now;
    return { attempts: entry.times.length, ...sharedPrefix(entry.keyPrefixes) };
  }

  /** Drops origins whose last failure is out of the window (their quiet period is over too). */
  private forgetBefore(since: number): void {
    for (const [origin, entry] of this.origins) {
      if (entry.lastAt > since) break;
      this.origins.delete(origin);
    }
  }

  private enforceCapacity(): void {
    for (const origin of this.origins.keys()) {
      if (this.origins.size <= this.settings.maxOrigins) break;
      this.origins.delete(origin);
    }
  }
}

/** How many leading items pass the test. */
function countWhile<T>(items: readonly T[], test: (item: T) => boolean): number {
  let count = 0;
  while (count < items.length && test(items[count])) count++;
  return count;
}

/** The key prefix every failure presented, when they all presented the same one. */
function sharedPrefix(keyPrefixes: readonly (string | undefined)[]): { keyPrefix?: string } {
  const first = keyPrefixes[0];
  return first !== undefined && keyPrefixes.every((p) => p === first) ? { keyPrefix: first } : {};
}
