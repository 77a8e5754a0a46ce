import { budgetFor, defineSlaPolicy, InvalidSlaPolicyError, tailorSlaPolicy, transitionsFor, type SlaPolicy } from './sla-policy';
import type { SlaSignal } from './sla-signal';

const HOUR = 3_600_000;

const repair: SlaPolicy = {
  id: 'repair',
  title: 'Repair',
  slaKind: 'repair',
  standard: { standardId: 'fault-repair-town', version: '1', clause: '1.3' },
  budgetMs: 48 * HOUR,
  ceiling: { ms: 48 * HOUR, standard: { standardId: 'fault-repair-town', version: '1', clause: '1.3' } },
  calendar: 'always',
  warnPoints: [0.5, 0.8],
  on: {
    start: ['opened', 'reopened'],
    pause: ['waiting_on_customer'],
    resume: ['customer_replied'],
    stop: ['resolved'],
    reset: ['reopened'],
  },
};

const issuesOf = (policy: SlaPolicy) => {
  try {
    defineSlaPolicy(policy);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidSlaPolicyError);
    return (error as InvalidSlaPolicyError).issues.map((issue) => issue.path);
  }
  throw new Error('expected the policy to be refused');
};

describe('SlaPolicy', () => {
  it('is frozen once defined', () => {
    const policy = defineSlaPolicy(repair);
    expect(Object.isFrozen(policy)).toBe(true);
    expect(Object.isFrozen(policy.on.start)).toBe(true);
    expect(Object.isFrozen(policy.ceiling?.standard)).toBe(true);
  });

  it('maps a signal to its transitions, a reset before the start it allows', () => {
    const policy = defineSlaPolicy(repair);
    expect(transitionsFor(policy, 'reopened')).toEqual(['reset', 'start']);
    expect(transitionsFor(policy, 'waiting_on_customer')).toEqual(['pause']);
    expect(transitionsFor(policy, 'answered')).toEqual([]);
  });

  it("uses a priority's own budget where the tenant set one", () => {
    const policy = tailorSlaPolicy(defineSlaPolicy(repair), { budgetByPriority: { P1: 4 * HOUR } });
    expect(budgetFor(policy, 'P1')).toBe(4 * HOUR);
    expect(budgetFor(policy, 'P2')).toBe(48 * HOUR);
    expect(budgetFor(policy, undefined)).toBe(48 * HOUR);
  });

  it('lets a tenant tighten a floor, never loosen it', () => {
    expect(tailorSlaPolicy(defineSlaPolicy(repair), { budgetMs: 24 * HOUR }).budgetMs).toBe(24 * HOUR);
    expect(() => tailorSlaPolicy(defineSlaPolicy(repair), { budgetMs: 49 * HOUR })).toThrow(/looser than the floor/);
    expect(issuesOf({ ...repair, budgetByPriority: { P4: 72 * HOUR } })).toEqual(['budgetByPriority.P4']);
  });

  it('takes configurable warn points, ascending, between 0 and 1', () => {
    expect(tailorSlaPolicy(defineSlaPolicy(repair), { warnPoints: [0.25, 0.5, 0.9] }).warnPoints).toEqual([0.25, 0.5, 0.9]);
    expect(tailorSlaPolicy(defineSlaPolicy(repair), { warnPoints: [] }).warnPoints).toEqual([]);
    expect(issuesOf({ ...repair, warnPoints: [0.8, 0.5, 1, 0] })).toEqual(['warnPoints[1]', 'warnPoints[2]', 'warnPoints[3]']);
  });

  it('names every bad field', () => {
    expect(
      issuesOf({
        ...repair,
        id: '',
        standard: { standardId: 'fault-repair-town', version: '', clause: '1.3' },
        budgetMs: 0,
        calendar: 'weekdays' as SlaPolicy['calendar'],
        on: { start: [], pause: ['waiting_on_customer'], resume: [], stop: ['resolved', 'teleported' as SlaSignal, 'waiting_on_customer'], reset: ['resolved'] },
      }),
    ).toEqual(['id', 'standard.version', 'budgetMs', 'calendar', 'on.stop[1]', 'on.stop[2]', 'on.reset[0]', 'on.start', 'on.resume']);
  });
});
