import { answerPolicyIssues, defaultWarnPoints, warnPointIssues } from './policy-setting';

describe('warnPointIssues: warn points a clock can use', () => {
  it('accepts none set, none at all, and up to five ascending fractions in (0, 1)', () => {
    expect(warnPointIssues(null)).toEqual([]);
    expect(warnPointIssues([])).toEqual([]);
    expect(warnPointIssues([0.1, 0.25, 0.5, 0.8, 0.95])).toEqual([]);
  });

  it('names each point outside (0, 1) or out of order, and a list longer than five', () => {
    expect(warnPointIssues([0, 0.5, 0.5, 1]).map((issue) => issue.path)).toEqual(['warnAt[0]', 'warnAt[2]', 'warnAt[3]']);
    expect(warnPointIssues([0.1, 0.2, 0.3, 0.4, 0.5, 0.6]).map((issue) => issue.path)).toEqual(['warnAt']);
  });
});

describe('the answer policy: warn points only, opt-in', () => {
  it('warns by default for case policies only', () => {
    expect(defaultWarnPoints('record-completion')).toEqual([0.5, 0.8]);
    expect(defaultWarnPoints('answer')).toEqual([]);
  });

  it('names a calendar or budgets by priority, which the answer clock has no use for', () => {
    expect(answerPolicyIssues({ calendarId: null, priorityBudgets: {} })).toEqual([]);
    expect(answerPolicyIssues({ calendarId: 'office', priorityBudgets: { P1: 10 } }).map((issue) => issue.path)).toEqual(['calendarId', 'priorityBudgets']);
  });
});
