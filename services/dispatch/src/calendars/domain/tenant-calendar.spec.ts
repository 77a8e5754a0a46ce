import { builtInStandards, ResolvedStandards } from '@hotline/standards';
import { slaPolicyCatalogue } from '../../sla/domain';
import { budgetsByPriority, priorityBudgetIssues } from './policy-setting';
import { sameJson } from './same-json';
import { businessDefinition, calendarIssues, type CalendarDefinition } from './tenant-calendar';

const office: CalendarDefinition = {
  timeZone: 'Asia/Shanghai',
  weeklyHours: { monday: [{ from: '09:00', to: '18:00' }], saturday: [{ from: '09:00', to: '12:00' }] },
  holidays: ['2026-10-01'],
  workdays: [{ date: '2026-10-11', workAs: 'monday' }],
};

describe('a tenant calendar as the API takes it', () => {
  it('is usable with hours, holidays and make-up working days, which the clock counts as makeUpDays', () => {
    expect(calendarIssues(office)).toEqual([]);
    expect(businessDefinition(office).makeUpDays).toEqual(office.workdays);
  });

  it('names every field that makes no calendar, with the API’s names', () => {
    const issues = calendarIssues({
      timeZone: 'Mars/Olympus',
      weeklyHours: { monday: [{ from: '09:00', to: '12:00' }, { from: '11:00', to: '13:00' }], tuesday: [{ from: '25:00', to: '26:00' }] },
      holidays: ['2026-02-30'],
      workdays: [{ date: '2026-13-01', workAs: 'monday' }],
    });
    expect(issues.map((issue) => issue.path)).toEqual(['timeZone', 'weeklyHours.monday', 'weeklyHours.tuesday[0].from', 'weeklyHours.tuesday[0].to', 'holidays[0]', 'workdays[0].date']);
  });

  it('refuses a calendar with no working hours', () => {
    expect(calendarIssues({ ...office, weeklyHours: {}, workdays: [] })).toEqual([{ path: 'weeklyHours', message: expect.stringContaining('at least one weekday') }]);
  });
});

describe('budgets by priority', () => {
  const repair = slaPolicyCatalogue(new ResolvedStandards(builtInStandards))['fault-repair-town'];

  it('may only tighten the policy’s budget in force', () => {
    expect(priorityBudgetIssues(repair, { P1: 4 * 3600, P2: 48 * 3600 })).toEqual([]);
    expect(priorityBudgetIssues(repair, { P3: 49 * 3600 })).toEqual([{ path: 'priorityBudgets.P3', message: expect.stringContaining('may only be tightened') }]);
  });

  it('are milliseconds for the clock, capped by the budget in force (the standards may have tightened since)', () => {
    expect(budgetsByPriority({ ...repair, budgetMs: 3_600_000 }, { P1: 1800, P2: 7200 })).toEqual({ P1: 1_800_000, P2: 3_600_000 });
  });
});

describe('sameJson', () => {
  it('tells equal settings regardless of key order (as jsonb returns them), and unequal ones apart', () => {
    expect(sameJson({ b: [{ y: 1, x: 2 }], a: 'x' }, { a: 'x', b: [{ x: 2, y: 1 }] })).toBe(true);
    expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  });
});
