/**
 * The instants an event's timestamps may name. Before the Unix epoch a time becomes a negative AMQP
 * `timestamp` (which the broker client refuses) and is in any case no contact centre's fact; from
 * 2100 on it is a typo or a placeholder, not a plan. Both bounds are on the instant, so
 * `1970-01-01T08:00:00+08:00` (the epoch itself) is accepted.
 */
export const EARLIEST_TIME = '1970-01-01T00:00:00Z';
/** Exclusive: the last acceptable instant is 2099-12-31T23:59:59.999Z. */
export const LATEST_TIME_EXCLUSIVE = '2100-01-01T00:00:00Z';

const ACCEPTED = `a time must be at or after ${EARLIEST_TIME} and before ${LATEST_TIME_EXCLUSIVE}`;
const EARLIEST_MS = Date.parse(EARLIEST_TIME);
const LATEST_MS = Date.parse(LATEST_TIME_EXCLUSIVE);

/**
 * Why an RFC 3339 timestamp is out of range, or `undefined` when it is in range. A value `Date`
 * cannot read is left to the format check, which reports it.
 */
export function timeOutOfRange(value: string): string | undefined {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return undefined;
  if (ms < EARLIEST_MS) return `${value} is before the Unix epoch: ${ACCEPTED}`;
  if (ms >= LATEST_MS) return `${value} is implausibly far ahead: ${ACCEPTED}`;
  return undefined;
}
