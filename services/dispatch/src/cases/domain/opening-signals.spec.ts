import { ServiceCase } from './service-case';
import { openingSignals } from './opening-signals';

describe('what opening a case tells the SLA clocks', () => {
  const opening = {
    tenantId: 'acme',
    caseId: 'C-1',
    type: 'network_fault',
    priority: 'P1',
    summary: 'No signal',
    category: null,
    region: 'beijing',
    customerId: null,
    contactId: null,
    openedAt: new Date('2026-11-25T08:00:00Z'),
  };

  it('completes the record at once when nothing is missing', () => {
    expect(openingSignals(ServiceCase.open(opening))).toEqual(['opened', 'record_completed']);
  });

  it('leaves the record open, and its deadline to run from handling, when something is missing', () => {
    expect(openingSignals(ServiceCase.open({ ...opening, region: null }))).toEqual(['opened']);
  });
});
