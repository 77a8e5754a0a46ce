import { signalsOfMove, signalsOfOpening } from './case-signals';
import { ServiceCase } from './domain/service-case';

describe('the signals of a move of a case', () => {
  const at = new Date('2026-03-01T08:00:00Z');
  const move = { caseId: 'K-1', actor: { id: 'dispatch', kind: 'service' as const, roles: [] }, reason: 'r', at, version: 2 };

  it('names the stage reached, and the resolution', () => {
    expect(signalsOfMove('acme', { ...move, from: 'acceptance', to: 'handling', resolves: false }).map((s) => s.signal)).toEqual(['stage:handling']);
    expect(signalsOfMove('acme', { ...move, from: 'handling', to: 'follow_up', resolves: true })).toEqual([
      { tenantId: 'acme', caseId: 'K-1', signal: 'stage:follow_up', at },
      { tenantId: 'acme', caseId: 'K-1', signal: 'resolved', at },
    ]);
  });

  it('starts a case’s clocks at its opening, stopping the record clock of a case whose record is complete', () => {
    const opening = { tenantId: 'acme', caseId: 'F-1', type: 'network_fault', priority: 'P2', summary: 'No signal', category: null, region: 'beijing', customerId: null, contactId: null, openedAt: at };
    expect(signalsOfOpening(ServiceCase.open(opening))).toEqual([
      { tenantId: 'acme', caseId: 'F-1', signal: 'opened', at },
      { tenantId: 'acme', caseId: 'F-1', signal: 'record_completed', at },
    ]);
  });
});
