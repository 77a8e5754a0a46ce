import { applyOverrides } from './apply-overrides';
import { builtInStandards } from './built-in-standards';
import { deadlineFrom } from './deadline-from';
import { ResolvedStandards } from './resolved-standards';
import type { StandardId } from './standard-ids';

const tenantSet = applyOverrides(builtInStandards, {
  tenantId: 'acme',
  version: '3',
  effectiveFrom: '2026-01-01T00:00:00Z',
  standards: { 'answer-time': { kind: 'deadline', seconds: 20 } },
});

describe('ResolvedStandards', () => {
  it('gives a built-in standard with the reference a verdict records', () => {
    const applied = new ResolvedStandards(builtInStandards).standard('answer-time');
    expect(applied.seconds).toBe(30);
    expect(applied).toMatchObject({ standardId: 'answer-time', standardVersion: '1', provenance: 'Manual ch. 2.1' });
  });

  it("gives a tenant's value with the tenant set's version", () => {
    const resolved = new ResolvedStandards(tenantSet);
    expect(resolved.version).toBe('acme:3@1');
    expect(resolved.standard('answer-time')).toMatchObject({ seconds: 20, standardId: 'answer-time', standardVersion: 'acme:3@1' });
    // Standards the tenant left alone are still judged under the tenant set's version: that set was in force.
    expect(resolved.standard('network-fault-response')).toMatchObject({ seconds: 900, standardVersion: 'acme:3@1' });
  });

  it('gives just the reference, ready for an sla.breached event', () => {
    const resolved = new ResolvedStandards(tenantSet);
    const applied = resolved.standard('answer-time');
    const breach = {
      deadline: deadlineFrom(new Date('2026-02-01T08:00:00Z'), applied).toISOString(),
      ...resolved.reference('answer-time'),
    };
    expect(breach).toEqual({ deadline: '2026-02-01T08:00:20.000Z', standardId: 'answer-time', standardVersion: 'acme:3@1' });
  });

  it('refuses an unknown id from untyped callers', () => {
    const resolved = new ResolvedStandards(builtInStandards);
    expect(() => resolved.standard('answer-tme' as StandardId)).toThrow("Unknown standard 'answer-tme'");
    expect(() => resolved.reference('toString' as StandardId)).toThrow("Unknown standard 'toString'");
  });

  it('hands out values that cannot be changed', () => {
    const applied = new ResolvedStandards(builtInStandards).standard('long-hold');
    expect(() => {
      (applied as { seconds: number }).seconds = 1;
    }).toThrow(TypeError);
  });
});
