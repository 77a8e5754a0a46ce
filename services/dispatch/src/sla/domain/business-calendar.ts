import { dayOfIsoDate, DAY_MS, instantOfLocal, isKnownTimeZone, localDayOf, weekdayOf } from './zoned-time';

/**
 * The time an SLA clock counts: either every millisecond (`ALWAYS_OPEN`, the 24/7 calendar) or a
 * tenant's working hours (`BusinessCalendar`). Both answer the same two questions.
 */
export interface WorkingTime {
  /** The instant `ms` of counted time after `start` (`start` itself when `ms` is 0). */
  addBusinessTime(start: Date, ms: number): Date;
  /** Counted time from `a` to `b`; 0 when `b` is not after `a`. */
  businessTimeBetween(a: Date, b: Date): number;
}

/** The 24/7 calendar: wall-clock time. */
export const ALWAYS_OPEN: WorkingTime = Object.freeze({
  addBusinessTime: (start: Date, ms: number) => new Date(start.getTime() + nonNegative(ms)),
  businessTimeBetween: (a: Date, b: Date) => Math.max(0, b.getTime() - a.getTime()),
});

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Local wall times 'HH:MM'; `to` may be '24:00' (the end of the day). */
export interface WorkingHours {
  from: string;
  to: string;
}

export interface BusinessCalendarDefinition {
  /** IANA zone the hours are local to, e.g. 'Asia/Shanghai'. */
  timeZone: string;
  /** Working hours per weekday; a weekday left out is a day off. At least one must have hours. */
  weeklyHours: Partial<Record<Weekday, readonly WorkingHours[]>>;
  /** Local dates 'YYYY-MM-DD' with no working hours (public holidays). */
  holidays?: readonly string[];
  /** Make-up working days (调休): a local date, usually a weekend, worked with the hours of `workAs`. */
  makeUpDays?: readonly { date: string; workAs: Weekday }[];
}

export interface CalendarIssue {
  path: string;
  message: string;
}

/** A calendar that cannot be used, with every problem and the field it is in (an API answers 4xx). */
export class InvalidBusinessCalendarError extends Error {
  constructor(readonly issues: readonly CalendarIssue[]) {
    super(`Invalid business calendar: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`);
    this.name = 'InvalidBusinessCalendarError';
  }
}

type Interval = readonly [from: number, to: number];
type Minutes = readonly [from: number, to: number];

/** No calendar has a gap between working days this long: a guard against looping forever. */
const MAX_DAYS_SEARCHED = 3660;
const DAY_CACHE_LIMIT = 4096;

/**
 * Weekly working hours in a time zone, with holidays and make-up working days. Validated when
 * built (`BusinessCalendar.of`); immutable.
 */
export class BusinessCalendar implements WorkingTime {
  private readonly dayCache = new Map<number, readonly Interval[]>();

  private constructor(
    readonly definition: BusinessCalendarDefinition,
    private readonly weekly: readonly (readonly Minutes[])[],
    private readonly holidays: ReadonlySet<number>,
    private readonly makeUps: ReadonlyMap<number, number>,
  ) {}

  /** Validates a definition; throws `InvalidBusinessCalendarError` naming each bad field. */
  static of(definition: BusinessCalendarDefinition): BusinessCalendar {
    const issues: CalendarIssue[] = [];
    if (typeof definition.timeZone !== 'string' || !isKnownTimeZone(definition.timeZone)) {
      issues.push({ path: 'timeZone', message: `'${String(definition.timeZone)}' is not an IANA time zone (e.g. Asia/Shanghai)` });
    }
    const weeklyHours = isRecord(definition.weeklyHours) ? definition.weeklyHours : {};
    const weekly = WEEKDAYS.map((weekday) => parseDay(weeklyHours[weekday] ?? [], `weeklyHours.${weekday}`, issues));
    if (weekly.every((hours) => hours.length === 0)) {
      issues.push({ path: 'weeklyHours', message: 'a calendar needs working hours on at least one weekday' });
    }
    const holidays = new Set<number>();
    listOf(definition.holidays, 'holidays', issues).forEach((date, i) => {
      if (isIsoDate(date)) holidays.add(dayOfIsoDate(date));
      else issues.push({ path: `holidays[${i}]`, message: `'${String(date)}' is not a date YYYY-MM-DD` });
    });
    const makeUps = new Map<number, number>();
    listOf(definition.makeUpDays, 'makeUpDays', issues).forEach((makeUpDay, i) => {
      const { date, workAs } = isRecord(makeUpDay) ? makeUpDay : { date: undefined, workAs: undefined };
      const weekday = WEEKDAYS.indexOf(workAs as Weekday);
      if (!isIsoDate(date)) {
        issues.push({ path: `makeUpDays[${i}].date`, message: `'${String(date)}' is not a date YYYY-MM-DD` });
      } else if (holidays.has(dayOfIsoDate(date))) {
        issues.push({ path: `makeUpDays[${i}].date`, message: `${date} is also listed as a holiday` });
      } else if (weekday < 0 || weekly[weekday].length === 0) {
        issues.push({ path: `makeUpDays[${i}].workAs`, message: `'${String(workAs)}' is not a weekday with working hours` });
      } else {
        makeUps.set(dayOfIsoDate(date), weekday);
      }
    });
    if (issues.length > 0) throw new InvalidBusinessCalendarError(issues);
    return new BusinessCalendar(definition, weekly, holidays, makeUps);
  }

  addBusinessTime(start: Date, ms: number): Date {
    let remaining = nonNegative(ms);
    const at = start.getTime();
    if (remaining === 0) return new Date(at);
    let day = localDayOf(this.definition.timeZone, at) - 1;
    for (let searched = 0; searched < MAX_DAYS_SEARCHED; day++) {
      const intervals = this.workingIntervals(day);
      searched = intervals.length === 0 ? searched + 1 : 0;
      for (const [from, to] of intervals) {
        if (to <= at) continue;
        const begin = Math.max(from, at);
        if (remaining <= to - begin) return new Date(begin + remaining);
        remaining -= to - begin;
      }
    }
    throw new Error(`No working hours within ${MAX_DAYS_SEARCHED} days after ${start.toISOString()}`);
  }

  businessTimeBetween(a: Date, b: Date): number {
    const [start, end] = [a.getTime(), b.getTime()];
    if (end <= start) return 0;
    let total = 0;
    const lastDay = localDayOf(this.definition.timeZone, end);
    for (let day = localDayOf(this.definition.timeZone, start) - 1; day <= lastDay; day++) {
      for (const [from, to] of this.workingIntervals(day)) {
        total += Math.max(0, Math.min(to, end) - Math.max(from, start));
      }
    }
    return total;
  }

  /** Whether an instant falls inside working hours. */
  isWorking(at: Date): boolean {
    const instant = at.getTime();
    const day = localDayOf(this.definition.timeZone, instant);
    return this.workingIntervals(day).some(([from, to]) => from <= instant && instant < to);
  }

  /** One local day's working intervals as instants, in order. */
  private workingIntervals(day: number): readonly Interval[] {
    const cached = this.dayCache.get(day);
    if (cached) return cached;
    const weekday = this.holidays.has(day) ? undefined : (this.makeUps.get(day) ?? weekdayOf(day));
    const hours = weekday === undefined ? [] : this.weekly[weekday];
    const zone = this.definition.timeZone;
    const intervals = hours
      .map(([from, to]): Interval => [instantOfLocal(zone, day, from), instantOfLocal(zone, day, to)])
      .filter(([from, to]) => from < to);
    if (this.dayCache.size >= DAY_CACHE_LIMIT) this.dayCache.clear();
    this.dayCache.set(day, intervals);
    return intervals;
  }
}

/** The definition may come from JSON: anything that is not a list is reported, not thrown on. */
function listOf<T>(value: readonly T[] | undefined, path: string, issues: CalendarIssue[]): readonly T[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value;
  issues.push({ path, message: 'must be a list' });
  return [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonNegative(ms: number): number {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`Business time must be a finite, non-negative duration, got ${ms}`);
  return ms;
}

function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = dayOfIsoDate(value);
  return new Date(day * DAY_MS).toISOString().slice(0, 10) === value;
}

const WALL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

function minutesOf(wallTime: unknown): number | undefined {
  if (typeof wallTime !== 'string' || !WALL_TIME.test(wallTime)) return undefined;
  return Number(wallTime.slice(0, 2)) * 60 + Number(wallTime.slice(3, 5));
}

/** A weekday's hours as minutes after midnight, sorted; each problem recorded against its field. */
function parseDay(hours: readonly WorkingHours[], path: string, issues: CalendarIssue[]): Minutes[] {
  if (!Array.isArray(hours)) {
    issues.push({ path, message: 'must be a list of {from, to} working hours' });
    return [];
  }
  const parsed: Minutes[] = [];
  hours.forEach((range: Partial<WorkingHours> | null, i) => {
    const [from, to] = [minutesOf(range?.from), minutesOf(range?.to)];
    if (from === undefined) issues.push({ path: `${path}[${i}].from`, message: `'${String(range?.from)}' is not a time HH:MM` });
    if (to === undefined) issues.push({ path: `${path}[${i}].to`, message: `'${String(range?.to)}' is not a time HH:MM (24:00 ends the day)` });
    if (from === undefined || to === undefined) return;
    if (from >= to) issues.push({ path: `${path}[${i}]`, message: `${range?.from}–${range?.to} ends before it starts` });
    else parsed.push([from, to]);
  });
  parsed.sort((x, y) => x[0] - y[0]);
  for (let i = 1; i < parsed.length; i++) {
    if (parsed[i][0] < parsed[i - 1][1]) issues.push({ path, message: 'working hours overlap' });
  }
  return parsed;
}
