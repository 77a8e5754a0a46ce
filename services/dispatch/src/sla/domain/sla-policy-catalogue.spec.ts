import { applyOverrides, builtInStandards, ResolvedStandards } from '@hotline/standards';
import { policiesForCase, SLA_POLICY_IDS, slaPolicyCatalogue } from './sla-policy-catalogue';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const builtIn = slaPolicyCatalogue(new ResolvedStandards(builtInStandards));

describe('slaPolicyCatalogue', () => {
  it.each([
    ['answer', 30_000, 'answer-time', '2.1', true],
    ['network-fault-response', 15 * MINUTE, 'network-fault-response', '2.2', true],
    ['equipment-fault-response', 4 * HOUR, 'equipment-fault-response', '4.3', false],
    ['fault-repair-town', 48 * HOUR, 'fault-repair-town', '1.3', true],
    ['fault-repair-rural', 72 * HOUR, 'fault-repair-rural', '1.3', true],
    ['record-completion', 24 * HOUR, 'record-completion', '2.2', false],
    ['follow-up-call', 48 * HOUR, 'follow-up-call', '2.2', false],
    ['complaint-acknowledgement', 24 * HOUR, 'complaint-acknowledgement', '6.1', false],
    ['complaint-resolution', 15 * DAY, 'complaint-reply', '1.3', true],
  ] as const)('%s: %i ms from %s (clause %s), floor: %s', (id, budgetMs, standardId, clause, floor) => {
    const policy = builtIn[id];
    expect(policy).toMatchObject({ id, budgetMs, standard: { standardId, version: '1', clause }, calendar: 'always', warnPoints: [0.5, 0.8] });
    expect(policy.ceiling).toEqual(floor ? { ms: budgetMs, standard: { standardId, version: '1', clause } } : undefined);
  });

  it('has a policy for every id', () => {
    expect(Object.keys(builtIn).sort()).toEqual([...SLA_POLICY_IDS].sort());
  });

  it('pauses repairs and complaint resolutions while waiting on the customer, and restarts them on reopen', () => {
    for (const id of ['fault-repair-town', 'fault-repair-rural', 'complaint-resolution'] as const) {
      expect(builtIn[id].on).toMatchObject({ pause: ['waiting_on_customer'], resume: ['customer_replied'], reset: ['reopened'] });
      expect(builtIn[id].on.start).toContain('reopened');
    }
  });

  it("takes a tenant's tightened figures, recording the tenant version and keeping the floor's", () => {
    const acme = applyOverrides(builtInStandards, {
      tenantId: 'acme',
      version: '3',
      effectiveFrom: '2026-01-01T00:00:00Z',
      standards: { 'complaint-reply': { kind: 'deadline', seconds: 10 * 24 * 3600 }, 'follow-up-call': { kind: 'deadline', seconds: 72 * 3600 } },
    });
    const tenant = slaPolicyCatalogue(new ResolvedStandards(acme));
    expect(tenant['complaint-resolution']).toMatchObject({
      budgetMs: 10 * DAY,
      standard: { standardId: 'complaint-reply', version: 'acme:3@1', clause: '1.3' },
      ceiling: { ms: 15 * DAY, standard: { standardId: 'complaint-reply', version: '1', clause: '1.3' } },
    });
    // A Hotline default is no floor: the tenant moved it either way and no ceiling holds it.
    expect(tenant['follow-up-call']).toMatchObject({ budgetMs: 72 * HOUR, standard: { version: 'acme:3@1' } });
    expect(tenant['follow-up-call'].ceiling).toBeUndefined();
  });
});

describe('policiesForCase', () => {
  const rural = new Set(['Yunnan-Nujiang']);
  const ids = (type: Parameters<typeof policiesForCase>[1]['type'], region?: string) =>
    policiesForCase(builtIn, { type, region }, rural).map((policy) => policy.id);

  it('times a network fault: response, repair by region, record and follow-up', () => {
    expect(ids('network_fault', 'Shanghai-Pudong')).toEqual(['network-fault-response', 'fault-repair-town', 'record-completion', 'follow-up-call']);
    expect(ids('network_fault', 'Yunnan-Nujiang')).toContain('fault-repair-rural');
  });

  it('holds a fault with no known region to the stricter town figure', () => {
    expect(ids('network_fault')).toContain('fault-repair-town');
  });

  it('times a complaint: acknowledgement and the 15-day resolution, then record and follow-up', () => {
    expect(ids('complaint')).toEqual(['complaint-acknowledgement', 'complaint-resolution', 'record-completion', 'follow-up-call']);
  });

  it('times an equipment fault and an ordinary case', () => {
    expect(ids('equipment_fault')).toEqual(['equipment-fault-response', 'record-completion']);
    expect(ids('billing')).toEqual(['record-completion', 'follow-up-call']);
  });
});
