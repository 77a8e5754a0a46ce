import { parseTimestamp, platformTimestampToIso, type ParsedTimestamp } from './platform-timestamp';

const ALL = ['iso8601', 'epochSeconds', 'epochMillis'] as const;
const iso = (result: ParsedTimestamp) => (result.ok ? result.iso : `error: ${result.message}`);

describe('parseTimestamp', () => {
  it('reads ISO 8601 with Z, an extended or basic offset, and fractions, into UTC', () => {
    expect(iso(parseTimestamp('2022-04-08T15:00:42Z', ['iso8601']))).toBe('2022-04-08T15:00:42.000Z');
    expect(iso(parseTimestamp('2022-10-27T03:31:50.735Z', ['iso8601']))).toBe('2022-10-27T03:31:50.735Z');
    expect(iso(parseTimestamp('2025-01-31T09:30:00+08:00', ['iso8601']))).toBe('2025-01-31T01:30:00.000Z');
    expect(iso(parseTimestamp('2025-01-31T09:30:00+0800', ['iso8601']))).toBe('2025-01-31T01:30:00.000Z');
    expect(iso(parseTimestamp('2025-01-01T00:30-05:30', ['iso8601']))).toBe('2025-01-01T06:00:00.000Z');
    expect(iso(parseTimestamp('2025-01-31T09:30:00.1234567Z', ['iso8601']))).toBe('2025-01-31T09:30:00.123Z');
  });

  it('refuses ISO text without an offset, impossible dates and times, and free text', () => {
    const noOffset = parseTimestamp('2025-01-31T09:30:00', ['iso8601']);
    expect(noOffset).toEqual({ ok: false, message: expect.stringContaining('no UTC offset') });
    for (const bad of ['2025-02-29T00:00:00Z', '2025-13-01T00:00:00Z', '2025-01-01T24:00:00Z', '2025-01-01', 'yesterday', '']) {
      expect(parseTimestamp(bad, ['iso8601']).ok).toBe(false);
    }
    expect(iso(parseTimestamp('2024-02-29T00:00:00Z', ['iso8601']))).toBe('2024-02-29T00:00:00.000Z');
  });

  it('reads RFC 2822 dates (Twilio Voice), with or without the day name, only when allowed', () => {
    expect(iso(parseTimestamp('Tue, 10 Jan 2023 18:49:02 +0000', ['rfc2822']))).toBe('2023-01-10T18:49:02.000Z');
    expect(iso(parseTimestamp('10 Jan 2023 18:49:02 +0800', ['rfc2822']))).toBe('2023-01-10T10:49:02.000Z');
    expect(iso(parseTimestamp('Tue, 10 Jan 2023 18:49 GMT', ['rfc2822']))).toBe('2023-01-10T18:49:00.000Z');
    for (const bad of ['Tue, 30 Feb 2023 18:49:02 +0000', 'Tue, 10 Foo 2023 18:49:02 +0000', '10 Jan 2023 18:49:02', '2023-01-10T18:49:02Z']) {
      expect(parseTimestamp(bad, ['rfc2822']).ok).toBe(false);
    }
    expect(parseTimestamp('Tue, 10 Jan 2023 18:49:02 +0000', ['iso8601'])).toEqual({ ok: false, message: expect.stringContaining('expected an ISO 8601') });
  });

  it('reads epoch seconds and milliseconds, as numbers or numeric strings, when allowed', () => {
    expect(iso(parseTimestamp(1732500000, ['epochSeconds']))).toBe('2024-11-25T02:00:00.000Z');
    expect(iso(parseTimestamp('1732500000', ['epochSeconds']))).toBe('2024-11-25T02:00:00.000Z');
    expect(iso(parseTimestamp(1732500000.25, ['epochSeconds']))).toBe('2024-11-25T02:00:00.250Z');
    expect(iso(parseTimestamp(1732500000123, ['epochMillis']))).toBe('2024-11-25T02:00:00.123Z');
    expect(iso(parseTimestamp('1732500000123', ['epochMillis']))).toBe('2024-11-25T02:00:00.123Z');
  });

  it('tells seconds from milliseconds by magnitude when both are allowed', () => {
    expect(iso(parseTimestamp(1732500000, ALL))).toBe('2024-11-25T02:00:00.000Z');
    expect(iso(parseTimestamp(1732500000123, ALL))).toBe('2024-11-25T02:00:00.123Z');
    expect(iso(parseTimestamp('2024-11-25T02:00:00Z', ALL))).toBe('2024-11-25T02:00:00.000Z');
  });

  it('refuses a format the platform does not document, saying which ones it expects', () => {
    expect(parseTimestamp(1732500000, ['iso8601'])).toEqual({ ok: false, message: expect.stringContaining('expected an ISO 8601 timestamp') });
    expect(parseTimestamp('2024-11-25T02:00:00Z', ['epochSeconds'])).toEqual({
      ok: false,
      message: expect.stringContaining('expected epoch seconds'),
    });
    expect(parseTimestamp(-1, ['epochSeconds']).ok).toBe(false);
    expect(parseTimestamp(1e17, ['epochMillis']).ok).toBe(false);
    expect(parseTimestamp(null, ALL).ok).toBe(false);
    expect(parseTimestamp({}, ALL).ok).toBe(false);
  });
});

describe('platformTimestampToIso', () => {
  it('reads any documented form by default, and only the named ones when given', () => {
    expect(platformTimestampToIso('2026-11-25T09:30:00+0800')).toBe('2026-11-25T01:30:00.000Z');
    expect(platformTimestampToIso('1795570200')).toBe('2026-11-25T01:30:00.000Z');
    expect(platformTimestampToIso('1795570200000', ['epochMillis'])).toBe('2026-11-25T01:30:00.000Z');
    expect(platformTimestampToIso('2026-11-25T09:30:00+08:00', ['epochSeconds'])).toBeUndefined();
  });
  it('refuses impossible dates and times without an offset', () => {
    expect(platformTimestampToIso('2026-02-30T10:00:00Z')).toBeUndefined();
    expect(platformTimestampToIso('2026-11-25T10:00:00')).toBeUndefined();
    expect(platformTimestampToIso(undefined)).toBeUndefined();
  });
});
