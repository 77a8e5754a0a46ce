/**
 * Reads the timestamps platforms send — ISO 8601, RFC 2822 (Twilio Voice), epoch seconds, epoch
 * milliseconds, as numbers or numeric strings — into the RFC 3339 UTC form events carry. Each adapter names the formats its
 * platform documents, so a format the platform never sends is refused instead of guessed.
 */

export type TimestampFormat = 'iso8601' | 'rfc2822' | 'epochSeconds' | 'epochMillis';

export type ParsedTimestamp = { ok: true; iso: string; epochMs: number } | { ok: false; message: string };

/**
 * With both epoch formats allowed, a number this large or larger is milliseconds: as seconds it
 * would be after the year 5000, as milliseconds it is after March 1973.
 */
export const EPOCH_MILLIS_THRESHOLD = 1e11;

// Events carry 4-digit years (RFC 3339); the epoch is as early as platforms go.
const LATEST_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

// Date and time with an explicit offset; seconds and fractions optional; extended or basic offset.
const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;
const NUMERIC = /^\d+(\.\d+)?$/;
// RFC 2822 date-time as Twilio Voice writes it: `Tue, 10 Jan 2023 18:49:02 +0000` (day name optional).
const RFC_2822 = /^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun),\s*)?(\d{1,2})\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s+(?:([+-])(\d{2})(\d{2})|GMT|UT)$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const DESCRIPTIONS: Record<TimestampFormat, string> = {
  iso8601: 'an ISO 8601 timestamp with an offset, e.g. 2025-01-31T09:30:00Z',
  rfc2822: 'an RFC 2822 date, e.g. Fri, 31 Jan 2025 09:30:00 +0000',
  epochSeconds: 'epoch seconds',
  epochMillis: 'epoch milliseconds',
};

/** Parses `value` in one of `formats`; the message says what was expected when it fails. */
export function parseTimestamp(value: unknown, formats: readonly TimestampFormat[]): ParsedTimestamp {
  const expected = `expected ${formats.map((f) => DESCRIPTIONS[f]).join(' or ')}`;
  const epoch = formats.filter((f) => f === 'epochSeconds' || f === 'epochMillis');
  if (typeof value === 'number' || (typeof value === 'string' && NUMERIC.test(value.trim()))) {
    if (epoch.length === 0) return { ok: false, message: `${JSON.stringify(value)} is a number: ${expected}` };
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0) return { ok: false, message: `${JSON.stringify(value)} is not a valid epoch time: ${expected}` };
    const millis = epoch.length === 1 ? epoch[0] === 'epochMillis' : n >= EPOCH_MILLIS_THRESHOLD;
    return fromEpochMs(Math.round(millis ? n : n * 1000), value, expected);
  }
  if (typeof value === 'string' && formats.includes('iso8601') && ISO_8601.test(value.trim())) return parseIso(value.trim(), expected);
  if (typeof value === 'string' && formats.includes('rfc2822') && RFC_2822.test(value.trim())) return parseRfc2822(value.trim(), expected);
  if (typeof value === 'string' && formats.includes('iso8601')) return parseIso(value.trim(), expected);
  return { ok: false, message: `${JSON.stringify(value)} is not a timestamp: ${expected}` };
}

function parseIso(text: string, expected: string): ParsedTimestamp {
  const m = ISO_8601.exec(text);
  if (!m) {
    const hint = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text) ? ' (it has no UTC offset)' : '';
    return { ok: false, message: `${JSON.stringify(text)} is not a timestamp${hint}: ${expected}` };
  }
  const [year, month, day, hour, minute, second = 0] = m.slice(1, 7).map((part) => Number(part ?? 0));
  const fraction = m[7] ? Number(`0.${m[7]}`) : 0;
  const [offsetHours, offsetMins] = [Number(m[10] ?? 0), Number(m[11] ?? 0)];
  const offsetMinutes = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  const validDate = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
  const validTime = hour <= 23 && minute <= 59 && second <= 59 && offsetHours <= 23 && offsetMins <= 59;
  if (!validDate || !validTime) return { ok: false, message: `${JSON.stringify(text)} is not a valid date and time: ${expected}` };
  const utc = Date.UTC(year, month - 1, day, hour, minute, second) + Math.round(fraction * 1000) - offsetMinutes * 60_000;
  return fromEpochMs(utc, text, expected);
}

function parseRfc2822(text: string, expected: string): ParsedTimestamp {
  const m = RFC_2822.exec(text) as RegExpExecArray;
  const [day, year, hour, minute, second] = [m[2], m[4], m[5], m[6], m[7] ?? '0'].map(Number);
  const month = MONTHS.indexOf(m[3]) + 1;
  const offsetMinutes = (m[8] === '-' ? -1 : 1) * (Number(m[9] ?? 0) * 60 + Number(m[10] ?? 0));
  const valid = day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 59;
  if (!valid) return { ok: false, message: `${JSON.stringify(text)} is not a valid date and time: ${expected}` };
  return fromEpochMs(Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000, text, expected);
}

function fromEpochMs(ms: number, original: unknown, expected: string): ParsedTimestamp {
  if (!Number.isFinite(ms) || ms < 0 || ms > LATEST_MS) {
    return { ok: false, message: `${JSON.stringify(original)} is out of range: ${expected}` };
  }
  return { ok: true, iso: new Date(ms).toISOString(), epochMs: ms };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const ANY_FORMAT: readonly TimestampFormat[] = ['iso8601', 'epochSeconds', 'epochMillis'];

/** The timestamp as RFC 3339 UTC, or undefined when it is missing or not one of `formats`. */
export function platformTimestampToIso(value: unknown, formats: readonly TimestampFormat[] = ANY_FORMAT): string | undefined {
  const parsed = parseTimestamp(value, formats);
  return parsed.ok ? parsed.iso : undefined;
}
