import { parsePlatformTimestamp, platformTimestampToIso } from './platform-timestamp';

const INSTANT = '2026-11-25T01:30:00.000Z';
const SECONDS = Date.parse(INSTANT) / 1000; // 1795570200
const MILLISECONDS = Date.parse(INSTANT);

describe('parsePlatformTimestamp', () => {
  it('reads ISO 8601 with any offset spelling', () => {
    expect(platformTimestampToIso('2026-11-25T01:30:00Z')).toBe(INSTANT);
    expect(platformTimestampToIso('2026-11-25T01:30:00.000Z')).toBe(INSTANT);
    expect(platformTimestampToIso('2026-11-25T09:30:00+08:00')).toBe(INSTANT);
    expect(platformTimestampToIso('2026-11-25T09:30:00+0800')).toBe(INSTANT);
    expect(platformTimestampToIso('2026-11-25T09:30:00+08')).toBe(INSTANT);
    expect(platformTimestampToIso('2026-11-24T20:30:00-05:00')).toBe(INSTANT);
    expect(platformTimestampToIso('2026-11-25T01:30Z')).toBe(INSTANT);
    expect(platformTimestampToIso('2026-11-25T01:30:00.123456Z')).toBe('2026-11-25T01:30:00.123Z');
  });

  it('reads epoch seconds and milliseconds, as numbers or numeric strings', () => {
    expect(platformTimestampToIso(SECONDS)).toBe(INSTANT);
    expect(platformTimestampToIso(String(SECONDS))).toBe(INSTANT);
    expect(platformTimestampToIso(MILLISECONDS)).toBe(INSTANT);
    expect(platformTimestampToIso(String(MILLISECONDS))).toBe(INSTANT);
    expect(platformTimestampToIso(SECONDS + 0.25)).toBe('2026-11-25T01:30:00.250Z');
  });

  it('uses the documented unit when the caller knows it', () => {
    expect(platformTimestampToIso(String(MILLISECONDS), 'milliseconds')).toBe(INSTANT);
    expect(platformTimestampToIso(String(SECONDS), 'seconds')).toBe(INSTANT);
    // 1 000 000 ms after the epoch, which 'auto' would have read as seconds.
    expect(platformTimestampToIso('1000000', 'milliseconds')).toBe('1970-01-01T00:16:40.000Z');
    expect(platformTimestampToIso('1000000')).toBe('1970-01-12T13:46:40.000Z');
  });

  it('refuses what is not an unambiguous instant', () => {
    for (const value of [
      undefined,
      null,
      '',
      'yesterday',
      '2026-11-25', // a day, not an instant
      '2026-11-25T09:30:00', // local time without an offset
      '2026-02-30T00:00:00Z', // Date would roll it over to March 2
      '2026-13-01T00:00:00Z',
      '2026-11-25T24:00:00Z',
      '2026-11-25T09:61:00Z',
      -1,
      '-1',
      Number.NaN,
      Number.POSITIVE_INFINITY,
      '1e12',
      true,
      {},
    ]) {
      expect(parsePlatformTimestamp(value)).toBeUndefined();
    }
  });
});
