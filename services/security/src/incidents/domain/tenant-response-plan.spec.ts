import { scheduleSteps } from './response-plans';
import { type TenantPlanStepInput, TenantPlanInvalid, tenantPlan } from './tenant-response-plan';

const HOUR = 3600;
const standards = () => 72 * HOUR;
const step = (id: string, extra: Partial<TenantPlanStepInput> = {}): TenantPlanStepInput => ({ id, title: `Do ${id}`, owner: 'security', within: 'PT1H', ...extra });

function issuesOf(run: () => unknown): { path: string; message: string }[] {
  try {
    run();
  } catch (error) {
    if (error instanceof TenantPlanInvalid) return [...error.issues];
    throw error;
  }
  throw new Error('expected TenantPlanInvalid');
}

describe('a tenant response plan', () => {
  it('becomes the tenant version of the plan, minutes per severity, `after` kept', () => {
    const plan = tenantPlan('brute_force', 3, [step('triage', { within: 'PT15M' }), step('block', { owner: 'network-team', within: { P1: 'PT30M', P2: 'PT2H', P3: 'P1D', P4: 'P3D' }, after: ['triage'] })], standards);
    expect(plan).toMatchObject({ id: 'tenant-plan-brute-force', version: '3', type: 'brute_force', source: 'tenant' });
    expect(plan.steps[1]).toEqual({ id: 'block', title: 'Do block', ownerRole: 'network-team', dueWithinMinutes: { P1: 30, P2: 120, P3: 1440, P4: 4320 }, after: ['triage'] });
  });

  it('refuses an empty plan and one beyond the size bound', () => {
    expect(issuesOf(() => tenantPlan('brute_force', 1, [], standards))).toEqual([{ path: 'steps', message: 'A plan has at least one step' }]);
    const many = Array.from({ length: 31 }, (_, i) => step(`s${i}`));
    expect(issuesOf(() => tenantPlan('brute_force', 1, many, standards))).toEqual([{ path: 'steps', message: 'A plan has at most 30 steps' }]);
  });

  it('names a duplicate step id and an unknown `after` by their field', () => {
    const issues = issuesOf(() => tenantPlan('brute_force', 1, [step('a'), step('b', { after: ['nope'] }), step('a')], standards));
    expect(issues.map(({ path }) => path)).toEqual(['steps[2].id', 'steps[1].after[0]']);
    expect(issues[1].message).toContain("'nope'");
  });

  it('lists the steps of a dependency cycle, naming the `after` that closes it', () => {
    const issues = issuesOf(() => tenantPlan('brute_force', 1, [step('a', { after: ['c'] }), step('b', { after: ['a'] }), step('c', { after: ['b'] })], standards));
    expect(issues).toEqual([{ path: 'steps[1].after[0]', message: "The steps' order has a cycle: a → c → b → a" }]);
    expect(issuesOf(() => tenantPlan('brute_force', 1, [step('a', { after: ['a'] })], standards))[0].path).toBe('steps[0].after[0]');
  });

  it('accepts a diamond of dependencies (no cycle)', () => {
    const plan = tenantPlan('brute_force', 1, [step('a'), step('b', { after: ['a'] }), step('c', { after: ['a'] }), step('d', { after: ['b', 'c'] })], standards);
    expect(plan.steps.map(({ id }) => id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('takes `within` in whole minutes only, within a year', () => {
    const issues = issuesOf(() => tenantPlan('brute_force', 1, [step('a', { within: 'PT30S' }), step('b', { within: { P1: 'PT1H', P2: 'P1Y', P3: 'P1D', P4: 'P400D' } })], standards));
    expect(issues.map(({ path }) => path)).toEqual(['steps[0].within', 'steps[1].within.P2', 'steps[1].within.P4']);
  });

  describe('a regulatory deadline', () => {
    const leak = (within: string) => [step('triage'), step('report', { within, standard: 'personal-data-leak-report' })];

    it('must stay in the plan of a personal-data leak', () => {
      const issues = issuesOf(() => tenantPlan('bulk_read', 1, [step('triage')], standards));
      expect(issues).toEqual([{ path: 'steps', message: expect.stringContaining("'personal-data-leak-report'") }]);
    });

    it('may be tightened, never loosened past the standard in force for the tenant', () => {
      expect(tenantPlan('bulk_read', 1, leak('P2D'), standards).steps[1].standardId).toBe('personal-data-leak-report');
      const issues = issuesOf(() => tenantPlan('bulk_read', 1, leak('P4D'), () => 72 * HOUR));
      expect(issues).toEqual([{ path: 'steps[1].within', message: expect.stringContaining('may only tighten') }]);
      // The tenant's own standard (here 48 h) is the limit, not the default.
      expect(issuesOf(() => tenantPlan('bulk_read', 1, leak('P2DT1H'), () => 48 * HOUR))[0].path).toBe('steps[1].within');
    });

    it('binds only a standard the built-in plan of that type binds', () => {
      const issues = issuesOf(() => tenantPlan('brute_force', 1, [step('a', { standard: 'personal-data-leak-report' })], standards));
      expect(issues).toEqual([{ path: 'steps[0].standard', message: expect.stringContaining('binds no step') }]);
    });

    it('is scheduled at the tighter of the step and the standard in force at opening', () => {
      const plan = tenantPlan('bulk_read', 1, leak('P2D'), standards);
      const openedAt = new Date('2026-11-30T10:00:00Z');
      const dueOf = (seconds: number) => scheduleSteps(plan, 'P2', openedAt, () => ({ seconds, standardId: 'personal-data-leak-report', standardVersion: '4' }))[1].dueAt.toISOString();
      expect(dueOf(72 * HOUR)).toBe('2026-12-02T10:00:00.000Z');
      expect(dueOf(24 * HOUR)).toBe('2026-12-01T10:00:00.000Z');
    });
  });
});
