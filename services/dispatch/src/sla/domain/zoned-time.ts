/**
 * Local dates and wall times in an IANA time zone, with nothing but `Intl` (no date library is a
 * dependency of ours). Days are counted as whole days since 1970-01-01 of the local calendar, and
 * instants as epoch milliseconds.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** Whether `Intl` knows the zone (e.g. 'Asia/Shanghai'); an unknown name throws a RangeError there. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's wall clock at an instant, read as if it were UTC: instant + the zone's offset. */
function wallClockAsUtc(timeZone: string, instant: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(parts['year'], parts['month'] - 1, parts['day'], parts['hour'], parts['minute'], parts['second']);
}

/** The zone's offset from UTC at an instant, in ms (Asia/Shanghai: +8 h; Europe/London: 0 or +1 h). */
export function zoneOffsetMs(timeZone: string, instant: number): number {
  const span = utcDaySpan(timeZone, Math.floor(instant / DAY_MS));
  return instant < span.switchAt ? span.before : span.after;
}

/** One UTC day of a zone: its offset at the start and the end, and when it switched (if it did). */
interface DaySpan {
  before: number;
  after: number;
  switchAt: number;
}

const spans = new Map<string, Map<number, DaySpan>>();
const SPANS_PER_ZONE = 20_000;

/**
 * Asking `Intl` costs tens of microseconds, so offsets are learnt a UTC day at a time: two lookups
 * per day, and a search to the second on the few days a zone switches. It assumes a zone changes
 * its offset at most once in a UTC day, true of every zone's rules today.
 */
function utcDaySpan(timeZone: string, utcDay: number): DaySpan {
  let zone = spans.get(timeZone);
  if (!zone) spans.set(timeZone, (zone = new Map()));
  const known = zone.get(utcDay);
  if (known) return known;
  const start = utcDay * DAY_MS;
  const end = start + DAY_MS;
  const before = offsetAtWholeSecond(timeZone, start);
  const after = offsetAtWholeSecond(timeZone, end);
  let switchAt = Number.POSITIVE_INFINITY;
  if (before !== after) {
    let [low, high] = [start, end];
    while (high - low > 1000) {
      const middle = Math.floor((low + high) / 2000) * 1000;
      if (offsetAtWholeSecond(timeZone, middle) === before) low = middle;
      else high = middle;
    }
    switchAt = high;
  }
  if (zone.size >= SPANS_PER_ZONE) zone.clear();
  const span = { before, after, switchAt };
  zone.set(utcDay, span);
  return span;
}

function offsetAtWholeSecond(timeZone: string, instant: number): number {
  return wallClockAsUtc(timeZone, instant) - instant;
}

/** The local date an instant falls on, as days since 1970-01-01. */
export function localDayOf(timeZone: string, instant: number): number {
  return Math.floor((instant + zoneOffsetMs(timeZone, instant)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday, of a local day number (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** A local day number of an ISO date 'YYYY-MM-DD' (validated by the caller). */
export function dayOfIsoDate(isoDate: string): number {
  return Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / DAY_MS;
}

/**
 * The instant a local wall time happens: `minute` minutes after local midnight of `day` (1440 is
 * the next midnight). A wall time skipped by a DST switch maps forward by the gap (01:30 on the
 * London spring-forward night is 02:30 BST); one that happens twice maps to the earlier instant.
 */
export function instantOfLocal(timeZone: string, day: number, minute: number): number {
  const wall = day * DAY_MS + minute * MINUTE_MS;
  const guess = zoneOffsetMs(timeZone, wall);
  const first = wall - guess;
  const offsetThere = zoneOffsetMs(timeZone, first);
  if (offsetThere === guess) return earlierTwin(timeZone, wall, first, offsetThere);
  const second = wall - offsetThere;
  const offsetThen = zoneOffsetMs(timeZone, second);
  if (offsetThen === offsetThere) return earlierTwin(timeZone, wall, second, offsetThen);
  // In a gap: no instant shows this wall time; take the one the earlier offset would give.
  return wall - Math.min(offsetThere, offsetThen);
}

/** A wall time repeated by a fall-back switch: prefer the earlier of its two instants. */
function earlierTwin(timeZone: string, wall: number, found: number, offset: number): number {
  for (const other of [offset + 3_600_000, offset + 1_800_000]) {
    const candidate = wall - other;
    if (candidate < found && zoneOffsetMs(timeZone, candidate) === other) return candidate;
  }
  return found;
}
