/**
 * The periods a compliance report covers: a day `2026-11-29`, a month `2026-11` or a quarter
 * `2026-Q4`. Quality holds no tenant time zone, so periods are UTC: `2026-11-29` is
 * [2026-11-29T00:00Z, 2026-11-30T00:00Z).
 */
export interface ReportPeriod {
  /** As asked, e.g. `2026-Q4`; a range reads `2026-10..2026-11`. */
  label: string;
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

export const PERIOD_FORMATS = 'a day YYYY-MM-DD, a month YYYY-MM or a quarter YYYY-Qn, e.g. 2026-11-29, 2026-11 or 2026-Q4';

const utc = (year: number, monthIndex: number, day = 1): Date => new Date(Date.UTC(year, monthIndex, day));

/** The period a text names, or undefined when it names none (a bad format, month 13, 2026-02-30). */
export function parsePeriod(text: string): ReportPeriod | undefined {
  const day = DAY.exec(text);
  if (day) {
    const [year, month, date] = [Number(day[1]), Number(day[2]) - 1, Number(day[3])];
    const from = utc(year, month, date);
    if (from.getUTCFullYear() !== year || from.getUTCMonth() !== month || from.getUTCDate() !== date) return undefined;
    return inRange({ label: text, from, to: utc(year, month, date + 1) });
  }
  const month = MONTH.exec(text);
  if (month) {
    const [year, index] = [Number(month[1]), Number(month[2]) - 1];
    if (index < 0 || index > 11) return undefined;
    return inRange({ label: text, from: utc(year, index), to: utc(year, index + 1) });
  }
  const quarter = QUARTER.exec(text);
  if (quarter) {
    const [year, q] = [Number(quarter[1]), Number(quarter[2])];
    return inRange({ label: text, from: utc(year, (q - 1) * 3), to: utc(year, q * 3) });
  }
  return undefined;
}

/** Years the contracts' timestamps allow (1970 to 2099). */
function inRange(period: ReportPeriod): ReportPeriod | undefined {
  const year = period.from.getUTCFullYear();
  return year >= 1970 && year <= 2099 ? period : undefined;
}

/** From the start of `first` to the end of `last`; undefined when `last` ends before `first` starts. */
export function spanOf(first: ReportPeriod, last: ReportPeriod): ReportPeriod | undefined {
  if (last.to.getTime() <= first.from.getTime() || last.from.getTime() < first.from.getTime()) return undefined;
  return first.label === last.label ? first : { label: `${first.label}..${last.label}`, from: first.from, to: last.to };
}
