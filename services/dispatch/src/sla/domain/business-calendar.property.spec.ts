import { seededRandom } from '@hotline/testing/random';
import { BusinessCalendar, WEEKDAYS, type WorkingHours } from './business-calendar';

/**
 * Property: for hundreds of generated calendars (zones with and without DST, split shifts,
 * holidays, make-up days) and instants across 2026, adding business time and measuring it agree:
 * `businessTimeBetween(s, addBusinessTime(s, ms)) === ms`, adding more never ends earlier, the
 * measure is additive over adjacent spans, and a due time falls at the end of worked time.
 */

const SEED = 20261130;
const CALENDARS = 100;
const CHECKS_PER_CALENDAR = 8;
const HOUR = 3_600_000;
const YEAR_2026 = Date.UTC(2026, 0, 1);

const { next: random, int, pick } = seededRandom(SEED);
const hhmm = (minutes: number): string =>
  minutes === 1440 ? '24:00' : `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const isoDay = (dayOfYear: number): string => new Date(YEAR_2026 + dayOfYear * 86_400_000).toISOString().slice(0, 10);

function shift(): WorkingHours[] {
  const start = int(0, 20) * 30;
  const end = Math.min(1440, start + int(1, 16) * 30);
  if (random() < 0.5 || end > 1320) return [{ from: hhmm(start), to: hhmm(end) }];
  const restart = end + int(1, 4) * 30;
  return [
    { from: hhmm(start), to: hhmm(end) },
    { from: hhmm(restart), to: hhmm(Math.min(1440, restart + int(1, 8) * 30)) },
  ];
}

function randomCalendar(): BusinessCalendar {
  const weeklyHours: Partial<Record<(typeof WEEKDAYS)[number], WorkingHours[]>> = {};
  const working = WEEKDAYS.filter(() => random() < 0.6);
  for (const weekday of working.length > 0 ? working : [pick(WEEKDAYS)]) weeklyHours[weekday] = shift();
  const holidays = [...new Set(Array.from({ length: int(0, 12) }, () => isoDay(int(0, 364))))];
  const withHours = Object.keys(weeklyHours) as (typeof WEEKDAYS)[number][];
  const makeUpDays = Array.from({ length: int(0, 3) }, () => ({ date: isoDay(int(0, 364)), workAs: pick(withHours) })).filter(
    ({ date }, i, all) => !holidays.includes(date) && all.findIndex((other) => other.date === date) === i,
  );
  return BusinessCalendar.of({
    timeZone: pick(['Asia/Shanghai', 'Europe/London', 'America/New_York', 'Australia/Sydney', 'UTC']),
    weeklyHours,
    holidays,
    makeUpDays,
  });
}

describe('BusinessCalendar (property, seeded)', () => {
  it(`agrees with itself on ${CALENDARS} generated calendars (seed ${SEED})`, () => {
    for (let c = 0; c < CALENDARS; c++) {
      const calendar = randomCalendar();
      const context = JSON.stringify(calendar.definition);
      for (let i = 0; i < CHECKS_PER_CALENDAR; i++) {
        const start = new Date(YEAR_2026 + Math.floor(random() * 360 * 86_400_000));
        const ms = int(0, 120) * 15 * 60_000 + int(0, 59_999);
        const more = ms + int(1, 24) * HOUR;
        const due = calendar.addBusinessTime(start, ms);
        const later = calendar.addBusinessTime(start, more);

        const failure = `${context} from ${start.toISOString()} + ${ms} ms`;
        expect({ failure, between: calendar.businessTimeBetween(start, due) }).toEqual({ failure, between: ms });
        expect({ failure, ordered: due.getTime() >= start.getTime() && later.getTime() >= due.getTime() }).toEqual({ failure, ordered: true });
        if (ms > 0) {
          expect({ failure, workedUpToDue: calendar.isWorking(new Date(due.getTime() - 1)) }).toEqual({ failure, workedUpToDue: true });
        }
        const middle = new Date(start.getTime() + Math.floor(random() * (later.getTime() - start.getTime())));
        const split = calendar.businessTimeBetween(start, middle) + calendar.businessTimeBetween(middle, later);
        expect({ failure, split }).toEqual({ failure, split: more });
      }
    }
  });
});
