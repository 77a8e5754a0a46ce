import { moveSignals } from './move-signals';

describe('the signals of an outage’s moves', () => {
  const at = new Date('2026-03-01T08:00:00Z');
  const move = { caseId: 'K-1', actor: { id: 'dispatch', kind: 'service' as const, roles: [] }, reason: 'r', at, version: 2 };

  it('names the stage reached, and the resolution', () => {
    expect(moveSignals('acme', { ...move, from: 'acceptance', to: 'handling', resolves: false }).map((s) => s.signal)).toEqual(['stage:handling']);
    expect(moveSignals('acme', { ...move, from: 'handling', to: 'follow_up', resolves: true })).toEqual([
      { tenantId: 'acme', caseId: 'K-1', signal: 'stage:follow_up', at },
      { tenantId: 'acme', caseId: 'K-1', signal: 'resolved', at },
    ]);
  });
});
