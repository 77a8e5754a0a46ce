import { type ComplianceFact, causedByOutage, isComplianceVerdict, mergeVerdict, outcomeOf, type VerdictEvent } from './compliance-fact';

const base = {
  subjectType: 'case',
  subjectId: 'C-1',
  slaKind: 'response',
  startedAt: 1_000,
  standardId: 'network-fault-response',
  standardVersion: '1',
  clause: '2.2',
};
const breached = (eventId: string, extra: Partial<VerdictEvent> = {}): VerdictEvent => ({ ...base, eventId, type: 'sla.breached', ...extra });
const stopped = (eventId: string, outcome: 'met' | 'breached', extra: Partial<VerdictEvent> = {}): VerdictEvent => ({ ...base, eventId, type: 'sla.stopped', outcome, ...extra });
const withdrawn = (eventId: string, extra: Partial<VerdictEvent> = {}): VerdictEvent => ({ ...base, eventId, type: 'sla.withdrawn', withdraws: 'sla.breached', ...extra });
const fold = (events: VerdictEvent[]): ComplianceFact => events.reduce<ComplianceFact | null>(mergeVerdict, null) as ComplianceFact;

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

describe('compliance facts: a case deadline from its verdicts', () => {
  it('is met when the clock stopped in time, with the region and the event behind it', () => {
    const fact = fold([stopped('e1', 'met', { region: 'beijing' })]);
    expect(outcomeOf(fact)).toBe('met');
    expect(fact).toMatchObject({ region: 'beijing', eventIds: ['e1'], standardId: 'network-fault-response', standardVersion: '1', clause: '2.2' });
  });

  it('is breached while a breach stands unstopped, and when it stopped late; outage-caused when the breach says so', () => {
    expect(outcomeOf(fold([breached('e1')]))).toBe('breached');
    const late = fold([breached('e1', { causedByOutage: true }), stopped('e2', 'breached')]);
    expect(outcomeOf(late)).toBe('breached');
    expect(causedByOutage(late)).toBe(true);
    expect(late.eventIds).toEqual(['e1', 'e2']);
  });

  it('is met once a breach is withdrawn, whatever the order; unsettled when only a withdrawal came', () => {
    const events = [breached('e1'), withdrawn('e2'), stopped('e3', 'met')];
    for (const order of permutations(events)) expect(fold(order)).toEqual(fold(events));
    expect(outcomeOf(fold(events))).toBe('met');
    expect(outcomeOf(fold([breached('e1'), stopped('e2', 'breached'), withdrawn('e3')]))).toBe('met');
    expect(outcomeOf(fold([withdrawn('e1')]))).toBeUndefined();
  });

  it('counts a redelivered event once', () => {
    const once = fold([breached('e1'), stopped('e2', 'breached')]);
    expect(fold([breached('e1'), breached('e1'), stopped('e2', 'breached'), stopped('e2', 'breached')])).toEqual(once);
  });

  it('lets a later run (the clock was reset) replace an earlier one, never the other way', () => {
    const rerun = { startedAt: 5_000 };
    const fact = fold([breached('e1'), stopped('e3', 'met', rerun), stopped('e2', 'breached')]);
    expect(fact).toMatchObject({ startedAt: 5_000, eventIds: ['e3'] });
    expect(outcomeOf(fact)).toBe('met');
  });

  it('takes the target from the stop (the policy standard), not from a ceiling breach', () => {
    const fact = fold([breached('e1', { standardId: 'mobile-fault-repair-max' }), stopped('e2', 'breached', { standardId: 'fault-repair-town' })]);
    expect(fact.standardId).toBe('fault-repair-town');
  });

  it('leaves out answer clocks (the KPIs count those) and withdrawn warnings', () => {
    expect(isComplianceVerdict({ type: 'sla.breached', slaKind: 'answer', subjectType: 'contact' })).toBe(false);
    expect(isComplianceVerdict({ type: 'sla.withdrawn', slaKind: 'response', subjectType: 'case', withdraws: 'sla.warned' })).toBe(false);
    expect(isComplianceVerdict({ type: 'sla.withdrawn', slaKind: 'response', subjectType: 'case', withdraws: 'sla.breached' })).toBe(true);
    expect(isComplianceVerdict({ type: 'sla.stopped', slaKind: 'repair', subjectType: 'case' })).toBe(true);
  });
});
