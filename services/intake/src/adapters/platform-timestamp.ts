/**
 * Platforms stamp their records in different ways: ISO 8601 strings (Genesys, Amazon Connect),
 * epoch seconds (Twilio's `Timestamp`), epoch milliseconds (Twilio's `TimestampMs`), as JSON numbers
 * or as numeric strings (form-encoded callbacks carry only strings). Adapters turn them into Dates
 * here, so one set of rules decides what a valid platform time is.
 */

/**
 * `seconds` or `milliseconds` when the platform documents the field's unit; `auto` when it does not,
 * which reads a number below 10^11 as seconds (10^11 s is the year 5138) and anything larger as
 * milliseconds (10^11 ms is March 1973), so every plausible contact-centre time reads right.
 */
export type EpochUnit = 'seconds' | 'milliseconds' | 'auto';

const AUTO_MILLISECONDS_FROM = 1e11;

/** Date and time with an explicit offset (`Z`, `+08:00`, `+0800`); a local time without one is ambiguous. */
const ISO_8601_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

const EPOCH_NUMBER = /^\d{1,16}(\.\d+)?$/;

/** The instant a platform timestamp names, or undefined when it is missing or not a timestamp. */
export function parsePlatformTimestamp(value: unknown, unit: EpochUnit = 'auto'): Date | undefined {
  if (typeof value === 'number') return fromEpoch(value, unit);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (EPOCH_NUMBER.test(text)) return fromEpoch(Number(text), unit);
  const parts = ISO_8601_WITH_OFFSET.exec(text);
  if (!parts || !isCalendarTime(parts.slice(1, 7).map((part) => Number(part ?? 0)))) return undefined;
  return valid(new Date(normaliseOffset(text)));
}

/** The timestamp as RFC 3339 UTC (`2026-11-25T01:30:00.000Z`), the form catalogue events carry. */
export function platformTimestampToIso(value: unknown, unit: EpochUnit = 'auto'): string | undefined {
  return parsePlatformTimestamp(value, unit)?.toISOString();
}

function fromEpoch(value: number, unit: EpochUnit): Date | undefined {
  if (!Number.isFinite(value) || value < 0) return undefined;
  const milliseconds =
    unit === 'milliseconds' || (unit === 'auto' && value >= AUTO_MILLISECONDS_FROM) ? value : value * 1000;
  return valid(new Date(Math.round(milliseconds)));
}

/** `Date` parses `+08:00` but not every engine parses `+0800` or `+08`: spell the offset out. */
function normaliseOffset(text: string): string {
  return text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2').replace(/([+-]\d{2})$/, '$1:00');
}

/** `Date` rolls 2026-02-30 over to March 2 instead of refusing it: check the fields ourselves. */
function isCalendarTime([year, month, day, hour, minute, second]: number[]): boolean {
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59;
}

function valid(date: Date): Date | undefined {
  return Number.isNaN(date.getTime()) ? undefined : date;
}
