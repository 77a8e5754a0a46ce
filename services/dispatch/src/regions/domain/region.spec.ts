import { builtInStandards, ResolvedStandards } from '@hotline/standards';
import { policiesForCase, slaPolicyCatalogue } from '../../sla/domain';
import type { CaseActor } from '../../cases/domain/service-case';
import { regionAudit, regionKey, ruralRegionsOf } from './region';

const HOUR = 3_600_000;
const admin: CaseActor = { id: 'sup-1', kind: 'user', roles: ['supervisor'] };

describe("a tenant's rural regions", () => {
  const named = new Set([regionKey('Nujiang')]);
  const rural = (key: string) => named.has(key);

  it('matches a region whatever its case and spacing', () => {
    expect(regionKey('  Nujiang ')).toBe('nujiang');
    expect([...ruralRegionsOf(' NUJIANG', rural)]).toEqual([' NUJIANG']);
  });

  it('holds a region nobody named rural, or a case with none, to the town figure', () => {
    expect(ruralRegionsOf('Tongzhou', rural).size).toBe(0);
    expect(ruralRegionsOf(undefined, rural).size).toBe(0);
  });

  it('gives a fault in a rural region the 72 h repair clock, one in a town 48 h', () => {
    const catalogue = slaPolicyCatalogue(new ResolvedStandards(builtInStandards));
    const repair = (region: string) => policiesForCase(catalogue, { type: 'network_fault', region }, ruralRegionsOf(region, rural)).find((p) => p.slaKind === 'repair');
    expect(repair('Nujiang')).toMatchObject({ id: 'fault-repair-rural', budgetMs: 72 * HOUR });
    expect(repair('Tongzhou')).toMatchObject({ id: 'fault-repair-town', budgetMs: 48 * HOUR });
  });

  it('audits a setting with what it was before, once there was one', () => {
    const at = new Date('2026-11-30T05:00:00Z');
    const setting = { tenantId: 'acme', region: 'Nujiang', rural: true, updatedAt: at };
    expect(regionAudit(setting, undefined, admin, 'c-1')).toMatchObject({
      type: 'audit.recorded',
      tenantid: 'acme',
      correlationid: 'c-1',
      data: { actor: admin, action: 'region.put', subject: { type: 'region', id: 'nujiang' }, after: { rural: true }, service: 'dispatch' },
    });
    expect(regionAudit(setting, undefined, admin).data).not.toHaveProperty('before');
    expect(regionAudit({ ...setting, rural: false }, setting, admin).data).toMatchObject({ before: { rural: true }, after: { rural: false } });
  });
});
