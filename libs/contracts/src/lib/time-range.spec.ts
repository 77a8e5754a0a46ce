import { timeOutOfRange } from './time-range';
import { validateCloudEvent, validateIncomingEvent, type ValidationIssue } from './validation';

const abandoned = { id: 'evt-1', source: '/pbx', type: 'contact.abandoned', data: { contactId: 'c-1' } };

function errorsOf(result: { ok: true } | { ok: false; errors: ValidationIssue[] }): ValidationIssue[] {
  return result.ok ? [] : result.errors;
}

describe('timeOutOfRange', () => {
  it.each(['1970-01-01T00:00:00Z', '1970-01-01T08:00:00+08:00', '2026-11-29T12:00:00Z', '2099-12-31T23:59:59.999Z'])(
    'accepts %s',
    (time) => expect(timeOutOfRange(time)).toBeUndefined(),
  );

  it.each([
    ['1969-12-31T23:59:59Z', 'before the Unix epoch'],
    ['1969-12-31T23:59:59.999Z', 'before the Unix epoch'],
    ['1970-01-01T07:59:59+08:00', 'before the Unix epoch'],
    ['0001-01-01T00:00:00Z', 'before the Unix epoch'],
    ['2100-01-01T00:00:00Z', 'implausibly far ahead'],
    ['2099-12-31T23:00:00-01:00', 'implausibly far ahead'],
    ['9999-12-31T23:59:59Z', 'implausibly far ahead'],
  ])('refuses %s (%s), saying which range is accepted', (time, why) => {
    expect(timeOutOfRange(time)).toBe(
      `${time} is ${why}: a time must be at or after 1970-01-01T00:00:00Z and before 2100-01-01T00:00:00Z`,
    );
  });

  it('leaves what Date cannot read to the format check', () => {
    expect(timeOutOfRange('yesterday')).toBeUndefined();
  });
});

describe('timestamps in events', () => {
  it.each(['1969-12-31T23:59:59Z', '0001-01-01T00:00:00Z', '2100-01-01T00:00:00Z'])(
    'an incoming event dated %s is refused at path time',
    (time) => {
      expect(errorsOf(validateIncomingEvent({ ...abandoned, time }))).toEqual([
        { path: 'time', message: expect.stringContaining('a time must be at or after 1970-01-01T00:00:00Z') },
      ]);
    },
  );

  it.each([
    ['2026-02-30T10:00:00Z', 'February has no 30th'],
    ['2026-04-31T10:00:00Z', 'April has no 31st'],
    ['2025-02-29T10:00:00Z', '2025 is no leap year'],
    ['2026-01-01T24:00:00Z', 'hour 24'],
    ['2026-01-01T23:59:60Z', 'a leap second'],
  ])('an impossible calendar time %s (%s) is refused once, as malformed', (time) => {
    expect(errorsOf(validateIncomingEvent({ ...abandoned, time }))).toEqual([
      { path: 'time', message: expect.stringContaining('Expected an ISO 8601 / RFC 3339 timestamp') },
    ]);
  });

  it('accepts 29 February of a leap year and the epoch itself', () => {
    expect(validateIncomingEvent({ ...abandoned, time: '2024-02-29T10:00:00Z' }).ok).toBe(true);
    expect(validateIncomingEvent({ ...abandoned, time: '1970-01-01T00:00:00Z' }).ok).toBe(true);
  });

  it('applies to timestamps inside data too, naming the field', () => {
    const breached = {
      ...abandoned,
      specversion: '1.0',
      datacontenttype: 'application/json',
      dataversion: '1',
      tenantid: 'acme',
      time: '2026-11-29T12:00:00Z',
      type: 'sla.breached',
      data: {
        subjectType: 'contact',
        subjectId: 'c-1',
        slaKind: 'answer',
        startedAt: '1969-12-31T23:59:30Z',
        deadline: '2026-02-30T10:00:00Z',
        breachedAt: '2100-01-01T00:00:00Z',
        standardId: 'answer-time',
        standardVersion: '1',
      },
    };
    expect(errorsOf(validateCloudEvent(breached))).toEqual([
      { path: 'data.startedAt', message: expect.stringContaining('before the Unix epoch') },
      { path: 'data.deadline', message: expect.stringContaining('Expected an ISO 8601') },
      { path: 'data.breachedAt', message: expect.stringContaining('implausibly far ahead') },
    ]);
  });
});
