import { emptyFollowUpFacts, type FollowUpFact, followUpKpis, mergeFollowUpFact } from './follow-up-facts';

const T0 = Date.parse('2026-11-25T10:00:00Z');
const verdict = (type: 'sla.breached' | 'sla.stopped' | 'sla.withdrawn', eventId: string, extra: Partial<FollowUpFact> = {}): FollowUpFact =>
  ({ kind: 'verdict', type, eventId, startedAt: T0, standardVersion: '1', ...extra }) as FollowUpFact;
const assigned = (eventId: string, at: number, agentId?: string, queue?: string): FollowUpFact => ({
  kind: 'assigned',
  eventId,
  at,
  ...(agentId && { agentId }),
  ...(queue && { queue }),
});
const fold = (facts: readonly FollowUpFact[]) => facts.reduce(mergeFollowUpFact, emptyFollowUpFacts());

/** Every order of `facts`. */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

describe('a case follow-up in the KPIs', () => {
  it('counts nothing while the follow-up clock runs in time', () => {
    expect(followUpKpis(fold([assigned('a1', T0 - 60_000, 'agent-7', 'faults')]))).toBeNull();
  });

  it('counts a follow-up done in time as met, for the agent and queue holding the case at its resolution', () => {
    const kpis = followUpKpis(
      fold([assigned('a1', T0 - 120_000, 'agent-1', 'faults'), assigned('a2', T0 - 60_000, 'agent-7'), assigned('a3', T0 + 60_000, 'agent-9'), verdict('sla.stopped', 's1', { outcome: 'met', standardVersion: 'acme:2@1' })]),
    );
    expect(kpis).toMatchObject({ at: T0, agent: 'agent-7', queue: 'faults', team: '(unknown)', standardVersion: 'acme:2@1' });
    expect(kpis?.counters).toMatchObject({ followUps: 1, followUpsMet: 1, contacts: 0 });
  });

  it('counts an overdue follow-up as not met at its breach, and a withdrawn breach as in time', () => {
    expect(followUpKpis(fold([verdict('sla.breached', 'b1')]))?.counters).toMatchObject({ followUps: 1, followUpsMet: 0 });
    expect(followUpKpis(fold([verdict('sla.breached', 'b1'), verdict('sla.stopped', 's1', { outcome: 'breached' })]))?.counters).toMatchObject({ followUpsMet: 0 });
    expect(followUpKpis(fold([verdict('sla.breached', 'b1'), verdict('sla.withdrawn', 'w1')]))).toBeNull();
    expect(followUpKpis(fold([verdict('sla.stopped', 's1', { outcome: 'breached' }), verdict('sla.withdrawn', 'w1')]))?.counters).toMatchObject({ followUpsMet: 1 });
  });

  it('is the same whatever order and however often the events arrive', () => {
    const facts = [
      assigned('a1', T0 - 60_000, 'agent-1', 'faults'),
      assigned('a2', T0 - 30_000, 'agent-2'),
      verdict('sla.breached', 'b1'),
      verdict('sla.stopped', 's1', { outcome: 'breached', standardVersion: '1' }),
      verdict('sla.withdrawn', 'w1'),
    ];
    const expected = fold(facts);
    for (const order of permutations(facts)) expect(fold([...order, ...order])).toEqual(expected);
  });

  it('lets a later run (the case resolved again) replace the earlier one, whose late events change nothing', () => {
    const later = verdict('sla.stopped', 's2', { outcome: 'met', startedAt: T0 + 3_600_000 });
    const facts = fold([verdict('sla.breached', 'b1'), later, verdict('sla.stopped', 's1', { outcome: 'breached' })]);
    expect(followUpKpis(facts)).toMatchObject({ at: T0 + 3_600_000, counters: { followUps: 1, followUpsMet: 1 } });
  });
});
