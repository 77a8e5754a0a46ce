import { heldStandardsView } from './held-standards';
import type { ReceivedVersion } from './received-version';

const version = (v: string, effectiveFrom: string, seconds: number): ReceivedVersion => ({
  tenantId: 'acme',
  version: v,
  effectiveFrom,
  standards: { 'answer-time': { kind: 'deadline', seconds } },
  receivedAt: '2026-11-01T00:00:00.000Z',
});

describe('heldStandardsView', () => {
  const versions = [version('3', '2026-01-01T00:00:00.000Z', 20), version('4', '2026-06-01T00:00:00.000Z', 15)];

  it('marks the version in force at the instant asked about', () => {
    const view = heldStandardsView('acme', versions, new Date('2026-03-01T00:00:00Z'));
    expect(view.inForce).toEqual({ version: 'acme:3@1', tenantVersion: '3', effectiveFrom: '2026-01-01T00:00:00.000Z' });
    expect(view.versions.map((v) => [v.version, v.inForce])).toEqual([
      ['3', true],
      ['4', false],
    ]);
    expect(heldStandardsView('acme', versions, new Date('2026-06-01T00:00:00Z')).inForce.tenantVersion).toBe('4');
  });

  it('shows the built-in standards in force before the first version, and for a tenant with none', () => {
    expect(heldStandardsView('acme', versions, new Date('2025-12-31T23:59:59Z')).inForce).toEqual({
      version: '1',
      tenantVersion: null,
      effectiveFrom: '2000-01-01T00:00:00.000Z',
    });
    expect(heldStandardsView('globex', [], new Date()).versions).toEqual([]);
  });
});
