import { alertRuleBody } from './alert-rule-request';
import { silenceBody } from './alert-requests';

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => result.error?.issues.map((i) => i.path.join('.')) ?? [];

describe('alert rule requests', () => {
  const sl = { condition: { kind: 'kpi-threshold', metric: 'serviceLevel', target: 0.8 } };

  it('fills the defaults of a minimal rule', () => {
    expect(alertRuleBody.parse(sl)).toEqual({
      enabled: true,
      severity: 'warning',
      condition: { kind: 'kpi-threshold', metric: 'serviceLevel', target: 0.8, windowSeconds: 300, minVolume: 20, scope: 'both' },
      groupBy: ['rule'],
      resolveAfterSeconds: 300,
      maxEscalationLevel: 3,
    });
  });

  it.each([
    ['a target of 0 (never fires)', { condition: { ...sl.condition, target: 0 } }, 'condition.target'],
    ['a target of 1 (always or never)', { condition: { ...sl.condition, target: 1 } }, 'condition.target'],
    ['no minimum volume (fires on an empty window)', { condition: { ...sl.condition, minVolume: 0 } }, 'condition.minVolume'],
    ['a window that is no whole minute', { condition: { ...sl.condition, windowSeconds: 90 } }, 'condition.windowSeconds'],
    ['a change factor of 1 (fires on no change)', { condition: { kind: 'sudden-change', metric: 'offered', factor: 1 } }, 'condition.factor'],
    ['a score threshold over 100 (always fires)', { condition: { kind: 'low-score', below: 101 } }, 'condition.below'],
    ['a score threshold of 0 (never fires)', { condition: { kind: 'low-score', below: 0 } }, 'condition.below'],
    ['an unknown breach kind', { condition: { kind: 'sla-breach', slaKinds: ['late'] } }, 'condition.slaKinds.0'],
    ['an unknown field', { ...sl, colour: 'red' }, ''],
    ['escalation with no level to go to', { ...sl, escalateAfterSeconds: 60, maxEscalationLevel: 0 }, 'maxEscalationLevel'],
  ])('refuses %s, naming the field', (_, body, path) => {
    expect(paths(alertRuleBody.safeParse(body))).toEqual([path]);
  });
});

describe('silence requests', () => {
  const endsAt = new Date(Date.now() + 3_600_000).toISOString();

  it('needs a matcher that selects something, and an end after its start', () => {
    expect(silenceBody.safeParse({ matchers: [{ label: 'queue', value: 'billing' }], endsAt, reason: 'maintenance' }).success).toBe(true);
    expect(paths(silenceBody.safeParse({ matchers: [], endsAt, reason: 'x' }))).toEqual(['matchers']);
    expect(paths(silenceBody.safeParse({ matchers: [{ label: 'queue', op: '!=', value: 'billing' }], endsAt, reason: 'x' }))).toEqual(['matchers']);
    expect(paths(silenceBody.safeParse({ matchers: [{ label: 'queue', value: 'b' }], startsAt: endsAt, endsAt, reason: 'x' }))).toEqual(['endsAt']);
    expect(paths(silenceBody.safeParse({ matchers: [{ label: 'queue', value: 'b' }], endsAt, reason: ' ' }))).toEqual(['reason']);
  });
});
