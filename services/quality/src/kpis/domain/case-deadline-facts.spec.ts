import { type CaseFact, caseDeadlineKpis, emptyCaseDeadlineFacts, mergeCaseFact, storedCaseDeadlineFacts } from './case-deadline-facts';

const T0 = Date.parse('2026-11-25T10:00:00Z');
const verdict = (type: 'sla.breached' | 'sla.stopped' | 'sla.withdrawn', eventId: string, extra: Partial<CaseFact> = {}): CaseFact =>
  ({ kind: 'verdict', type, slaKind: 'follow_up', eventId, startedAt: T0, standardVersion: '1', ...extra }) as CaseFact;
const assigned = (eventId: string, at: number, agentId?: string, queue?: string): CaseFact => ({
  kind: 'assigned',
  eventId,
  at,
  ...(agentId && { agentId }),
  ...(queue && { queue }),
});
const fold = (facts: readonly CaseFact[]) => facts.reduce(mergeCaseFact, emptyCaseDeadlineFacts());
const only = (facts: readonly CaseFact[]) => {
  const kpis = caseDeadlineKpis(fold(facts));
  expect(kpis.length).toBeLessThanOrEqual(1);
  return kpis[0] ?? null;
};

/** Every order of `facts`. */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

describe('a case follow-up in the KPIs', () => {
  it('counts nothing while the follow-up clock runs in time', () => {
    expect(caseDeadlineKpis(fold([assigned('a1', T0 - 60_000, 'agent-7', 'faults')]))).toEqual([]);
  });

  it('counts a follow-up done in time as met, for the agent and queue holding the case at its resolution', () => {
    const kpis = only([assigned('a1', T0 - 120_000, 'agent-1', 'faults'), assigned('a2', T0 - 60_000, 'agent-7'), assigned('a3', T0 + 60_000, 'agent-9'), verdict('sla.stopped', 's1', { outcome: 'met', standardVersion: 'acme:2@1' })]);
    expect(kpis).toMatchObject({ at: T0, agent: 'agent-7', queue: 'faults', team: '(unknown)', standardVersion: 'acme:2@1' });
    expect(kpis?.counters).toMatchObject({ followUps: 1, followUpsMet: 1, caseDeadlines: 1, caseDeadlinesBreached: 0, contacts: 0 });
  });

  it('counts an overdue follow-up as not met at its breach, and a withdrawn breach as in time', () => {
    expect(only([verdict('sla.breached', 'b1')])?.counters).toMatchObject({ followUps: 1, followUpsMet: 0, caseDeadlinesBreached: 1 });
    expect(only([verdict('sla.breached', 'b1'), verdict('sla.stopped', 's1', { outcome: 'breached' })])?.counters).toMatchObject({ followUpsMet: 0 });
    expect(only([verdict('sla.breached', 'b1'), verdict('sla.withdrawn', 'w1')])).toBeNull();
    expect(only([verdict('sla.stopped', 's1', { outcome: 'breached' }), verdict('sla.withdrawn', 'w1')])?.counters).toMatchObject({ followUpsMet: 1, caseDeadlinesBreached: 0 });
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
    expect(only([verdict('sla.breached', 'b1'), later, verdict('sla.stopped', 's1', { outcome: 'breached' })])).toMatchObject({
      at: T0 + 3_600_000,
      counters: { followUps: 1, followUpsMet: 1, caseDeadlines: 1, caseDeadlinesBreached: 0 },
    });
  });

  it('reads a row kept when only follow-ups were, as its follow-up run', () => {
    const kept = fold([verdict('sla.breached', 'b1'), assigned('a1', T0 - 1, 'agent-1')]);
    const legacy = { run: kept.runs.follow_up ?? null, assignments: kept.assignments };
    expect(storedCaseDeadlineFacts(legacy)).toEqual(kept);
    expect(storedCaseDeadlineFacts(null)).toEqual(emptyCaseDeadlineFacts());
  });
});

describe("a case's other deadlines in the KPIs", () => {
  const R1 = T0 + 600_000;
  const facts = [
    assigned('a1', T0 - 60_000, 'agent-1', 'faults'),
    assigned('a2', T0 + 300_000, 'agent-2'),
    verdict('sla.stopped', 'r1', { slaKind: 'response', outcome: 'met' }),
    verdict('sla.breached', 'p1', { slaKind: 'repair', causedByOutage: true }),
    verdict('sla.stopped', 'p2', { slaKind: 'repair', outcome: 'breached' }),
    verdict('sla.breached', 'x1', { slaKind: 'resolution', startedAt: R1 }),
    verdict('sla.withdrawn', 'x2', { slaKind: 'resolution', startedAt: R1 }),
    verdict('sla.stopped', 'x3', { slaKind: 'resolution', startedAt: R1, outcome: 'breached' }),
    verdict('sla.breached', 'c1', { slaKind: 'complaint_reply' }),
  ];

  it('counts each settled deadline once, breached or met, outage-caused breaches apart, by the clock start and who held the case then', () => {
    const kpis = caseDeadlineKpis(fold(facts));
    expect(kpis.map(({ at, agent, queue, counters }) => [at, agent, queue, counters.caseDeadlines, counters.caseDeadlinesBreached, counters.caseDeadlinesBreachedByOutage, counters.followUps])).toEqual([
      [T0, 'agent-1', 'faults', 1, 0, 0, 0], // response met
      [T0, 'agent-1', 'faults', 1, 1, 1, 0], // repair breached during an outage (the stop did not say so, the breach did)
      [R1, 'agent-2', 'faults', 1, 0, 0, 0], // resolution: its breach withdrawn, so met
      [T0, 'agent-1', 'faults', 1, 1, 0, 0], // complaint reply overdue
    ]);
  });

  it('gives the same counts whatever order and however often the verdicts arrive', () => {
    const expected = caseDeadlineKpis(fold(facts));
    const verdicts = facts.slice(2, 8);
    for (const order of permutations(verdicts)) expect(caseDeadlineKpis(fold([...facts.slice(0, 2), ...order, ...order.slice(0, 3), facts[8]]))).toEqual(expected);
  });

  it('replaces an earlier run of a restarted clock, outage flag and all, and leaves the other kinds alone', () => {
    const rerun = verdict('sla.stopped', 'p9', { slaKind: 'repair', startedAt: T0 + 7_200_000, outcome: 'met' });
    const kpis = caseDeadlineKpis(fold([...facts, rerun]));
    expect(kpis).toHaveLength(4);
    expect(kpis[1]).toMatchObject({ at: T0 + 7_200_000, agent: 'agent-2', counters: { caseDeadlines: 1, caseDeadlinesBreached: 0, caseDeadlinesBreachedByOutage: 0 } });
  });
});
