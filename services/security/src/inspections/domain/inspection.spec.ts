import { BUILT_IN_INSPECTIONS, findingsIssues, inspectionOverdue, nextDueAfter } from './inspection';
import { isoDurationMs } from './iso-duration';

const DAY = 86_400_000;

describe('isoDurationMs', () => {
  it('reads weeks, days and times', () => {
    expect(isoDurationMs('P7D')).toBe(7 * DAY);
    expect(isoDurationMs('P1W')).toBe(7 * DAY);
    expect(isoDurationMs('P1DT12H')).toBe(1.5 * DAY);
    expect(isoDurationMs('PT30S')).toBe(30_000);
  });

  it('refuses months, years, zero and what is not a duration', () => {
    for (const text of ['P1M', 'P1Y', 'P0D', 'P', 'PT', '7 days', 'P1DT']) expect(isoDurationMs(text)).toBeUndefined();
  });
});

describe('nextDueAfter', () => {
  const due = new Date('2026-11-02T09:00:00Z');

  it('advances one period when done on time or a little late', () => {
    expect(nextDueAfter(due, 7 * DAY, new Date('2026-11-01T10:00:00Z'))).toEqual(new Date('2026-11-09T09:00:00Z'));
    expect(nextDueAfter(due, 7 * DAY, new Date('2026-11-03T10:00:00Z'))).toEqual(new Date('2026-11-09T09:00:00Z'));
  });

  it('keeps the cadence when done weeks late: the next date of the schedule after now', () => {
    expect(nextDueAfter(due, 7 * DAY, new Date('2026-11-20T10:00:00Z'))).toEqual(new Date('2026-11-23T09:00:00Z'));
  });
});

describe('findingsIssues', () => {
  const checklist = ['keys', 'roles'];

  it('accepts one finding per item', () => {
    expect(findingsIssues(checklist, [{ item: 'keys', ok: true }, { item: 'roles', ok: false, note: 'ops-3 left' }])).toEqual([]);
  });

  it('names unknown, repeated and missing items', () => {
    expect(findingsIssues(checklist, [{ item: 'keys', ok: true }, { item: 'keys', ok: true }, { item: 'doors', ok: true }])).toEqual([
      { path: 'findings.1.item', message: "'keys' has a finding already" },
      { path: 'findings.2.item', message: "'doors' is not on the inspection's checklist" },
      { path: 'findings', message: "Every checklist item needs a finding; missing: 'roles'" },
    ]);
  });
});

describe('the built-in access review', () => {
  it('is weekly, owned by security', () => {
    expect(BUILT_IN_INSPECTIONS['access-review']).toMatchObject({ every: 'P7D', ownerRole: 'security' });
    expect(isoDurationMs(BUILT_IN_INSPECTIONS['access-review'].every)).toBe(7 * DAY);
  });
});

describe('inspectionOverdue', () => {
  it('is one incident per inspection and due date', () => {
    const due = new Date('2026-11-02T09:00:00Z');
    expect(inspectionOverdue('access-review', 'Weekly access review', due, 'security')).toMatchObject({
      type: 'inspection_overdue',
      severity: 'P3',
      dedupKey: 'inspection_overdue:access-review:2026-11-02T09:00:00.000Z',
      detail: { inspectionId: 'access-review', dueAt: '2026-11-02T09:00:00.000Z', ownerRole: 'security' },
    });
  });
});
