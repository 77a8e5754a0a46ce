import { applyScheme, attributeLater, LATE_REASON, NO_AGENT_REASON, OUTAGE_REASON, pointsOfRule } from './apply-scheme';
import { contactIdOfKey, contactSubjectKeys, type Evidence } from './evidence';
import { compensationOf } from './ledger-entry';
import { DEFAULT_SCHEME, scorecardScheme } from './scheme';
import { monthRange, scorecardPoints } from './scorecard';
import { supersede } from './supersede';

const scheme = { version: 3, scheme: DEFAULT_SCHEME };
let n = 0;
const newId = () => `id-${++n}`;
const agent = { agentId: 'a7', team: 'north' };

const scored = (eventId: string, at: string, rules: string[]): Evidence => ({
  kind: 'etiquette',
  eventId,
  eventType: 'contact.scored',
  at: new Date(at),
  contactId: 'C1',
  deductions: rules.map((rule) => ({ rule, standardId: rule, version: '1', clause: '3.4 服务禁语' })),
});
const breach = (over: Partial<Extract<Evidence, { kind: 'breach' }>> = {}): Evidence => ({
  kind: 'breach',
  eventId: 'b1',
  eventType: 'sla.breached',
  at: new Date('2026-11-30T23:59:00Z'),
  subjectType: 'contact',
  subjectId: 'C1',
  slaKind: 'answer',
  standardId: 'answer-time',
  standardVersion: '2',
  clause: '2.1',
  late: false,
  causedByOutage: false,
  ...over,
});

describe('applyScheme', () => {
  it('penalises each etiquette deduction with its own standard and clause, rules unique per deduction', () => {
    const entries = applyScheme('acme', scored('s1', '2026-11-03T10:00:00Z', ['forbidden-phrases', 'forbidden-phrases']), agent, scheme, newId);
    expect(entries.map((e) => [e.rule, e.points, e.standardId, e.clause, e.period, e.schemeVersion])).toEqual([
      ['etiquette:0:forbidden-phrases', -2, 'forbidden-phrases', '3.4 服务禁语', '2026-11', 3],
      ['etiquette:1:forbidden-phrases', -2, 'forbidden-phrases', '3.4 服务禁语', '2026-11', 3],
    ]);
    expect(entries[0]).toMatchObject({ agentId: 'a7', team: 'north', subjectKey: 'contact:C1:etiquette', evidenceEventId: 's1', compensates: null });
  });

  it('penalises a breach by its kind, in the month of the breach', () => {
    const [entry] = applyScheme('acme', breach({ slaKind: 'resolution' }), agent, scheme, newId);
    expect(entry).toMatchObject({ rule: 'breach:resolution', points: -5, standardId: 'answer-time', version: '2', clause: '2.1', period: '2026-11', reason: null });
  });

  it('records an outage-caused, a late and an unattributed breach at zero points with the reason', () => {
    expect(applyScheme('acme', breach({ causedByOutage: true }), agent, scheme, newId)[0]).toMatchObject({ points: 0, reason: OUTAGE_REASON });
    expect(applyScheme('acme', breach({ late: true }), agent, scheme, newId)[0]).toMatchObject({ points: 0, reason: LATE_REASON });
    expect(applyScheme('acme', breach(), { agentId: null, team: null }, scheme, newId)[0]).toMatchObject({ points: 0, reason: NO_AGENT_REASON, agentId: null });
  });

  it('rewards a 5, penalises a 2 and a 1, and gives 3 and 4 no entry', () => {
    const survey = (score: number): Evidence => ({ kind: 'survey', eventId: `s${score}`, eventType: 'survey.completed', at: new Date('2026-11-05T00:00:00Z'), score, subject: { type: 'case', id: 'K1' } });
    expect([5, 4, 3, 2, 1].map((s) => applyScheme('acme', survey(s), agent, scheme, newId).map((e) => e.points))).toEqual([[2], [], [], [-1], [-2]]);
    expect(applyScheme('acme', survey(5), agent, scheme, newId)[0]).toMatchObject({ subjectKey: 'case:K1:survey', standardId: 'scorecard-scheme', version: '3', clause: '5.4' });
  });
});

describe('compensation', () => {
  it('reverses the points for the same agent, team and period, naming what it reverses', () => {
    const [entry] = applyScheme('acme', breach(), agent, scheme, newId);
    const at = new Date('2026-12-02T08:00:00Z');
    const reversed = compensationOf(entry, { id: 'c1', evidenceEventId: 'w1', evidenceType: 'sla.withdrawn', reason: 'answered in time', occurredAt: at });
    expect(reversed).toMatchObject({ kind: 'compensation', points: 1, agentId: 'a7', team: 'north', period: '2026-11', compensates: entry.id, rule: `compensation:${entry.id}`, evidenceEventId: 'w1' });
    expect(entry.points + reversed.points).toBe(0);
    expect(() => compensationOf(reversed, { id: 'c2', evidenceEventId: 'w2', evidenceType: 'x', reason: 'r', occurredAt: at })).toThrow(/compensation/);
  });

  it('reverses a zero-point entry to zero (never -0)', () => {
    const [entry] = applyScheme('acme', breach({ causedByOutage: true }), agent, scheme, newId);
    expect(Object.is(compensationOf(entry, { id: 'c', evidenceEventId: 'w', evidenceType: 'sla.withdrawn', reason: 'r', occurredAt: new Date() }).points, 0)).toBe(true);
  });
});

describe('supersede', () => {
  const first = applyScheme('acme', scored('s1', '2026-11-03T10:00:00Z', ['greeting']), agent, scheme, newId);
  it('a newer score reverses the older entries; the same event again reverses nothing', () => {
    expect(supersede(first, { eventId: 's2', at: new Date('2026-11-03T11:00:00Z') })).toEqual({ stale: false, reverse: first });
    expect(supersede(first, { eventId: 's1', at: new Date('2026-11-03T10:00:00Z') })).toEqual({ stale: false, reverse: [] });
  });
  it('an older one arriving late is stale', () => {
    expect(supersede(first, { eventId: 's0', at: new Date('2026-11-03T09:00:00Z') })).toEqual({ stale: true, reverse: [] });
  });
});

describe('scorecardPoints', () => {
  const totals = { reward: 4, penalty: 9, entries: 6 };
  it('adds a bonus only when the target is met with enough volume', () => {
    const met = scorecardPoints(totals, { answered: 40, serviceLevel: 0.85, surveys: 5, averageSurveyScore: 4.6 }, DEFAULT_SCHEME);
    expect(met).toEqual({
      reward: 19,
      penalty: 9,
      net: 10,
      bonuses: [
        { rule: 'service-level', figure: 0.85, target: 0.8, points: 10 },
        { rule: 'csat', figure: 4.6, target: 4.5, points: 5 },
      ],
    });
    expect(scorecardPoints(totals, { answered: 10, serviceLevel: 1, surveys: 4, averageSurveyScore: 5 }, DEFAULT_SCHEME).bonuses).toEqual([]);
    expect(scorecardPoints(totals, null, DEFAULT_SCHEME)).toEqual({ reward: 4, penalty: 9, net: -5, bonuses: [] });
  });
  it('reads a month as its UTC range', () => {
    expect(monthRange('2026-12')).toEqual({ from: new Date('2026-12-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') });
  });
});

describe('scorecardScheme', () => {
  it('takes the default and names a bad field', () => {
    expect(scorecardScheme.parse(DEFAULT_SCHEME)).toEqual(DEFAULT_SCHEME);
    const bad = scorecardScheme.safeParse({ ...DEFAULT_SCHEME, breaches: { ...DEFAULT_SCHEME.breaches, answer: -1 } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].path).toEqual(['breaches', 'answer']);
  });
});

describe('attributeLater', () => {
  const by = { eventId: 'ans1', eventType: 'contact.answered', at: new Date('2026-11-30T23:59:40Z') };
  it('reverses an unattributed breach at zero and records it for the agent under the scheme now', () => {
    const [unattributed] = applyScheme('acme', breach(), { agentId: null, team: null }, scheme, newId);
    const [reversal, attributed] = attributeLater(unattributed, agent, { version: 4, scheme: DEFAULT_SCHEME }, by, newId);
    expect(reversal).toMatchObject({ kind: 'compensation', points: 0, compensates: unattributed.id, evidenceEventId: 'ans1' });
    expect(attributed).toMatchObject({ kind: 'breach', rule: 'breach:answer+attributed', points: -1, agentId: 'a7', team: 'north', evidenceEventId: 'b1', schemeVersion: 4, reason: null, period: '2026-11' });
  });
  it('leaves attributed and exempt entries alone', () => {
    const [attributed] = applyScheme('acme', breach(), agent, scheme, newId);
    const [outage] = applyScheme('acme', breach({ causedByOutage: true }), { agentId: null, team: null }, scheme, newId);
    expect(attributeLater(attributed, agent, scheme, by, newId)).toEqual([]);
    expect(attributeLater(outage, agent, scheme, by, newId)).toEqual([]);
  });
  it('gives an etiquette deduction and a survey their points by rule', () => {
    expect(pointsOfRule('etiquette:1:greeting', scheme)).toBe(-2);
    expect(pointsOfRule('survey:5', scheme)).toBe(2);
    expect(pointsOfRule('survey:1', scheme)).toBe(-2);
  });
});

describe('contact subject keys', () => {
  it('covers the score, the survey and each deadline, and names the contact back, colons and all', () => {
    const keys = contactSubjectKeys('C:1', ['answer', 'follow_up']);
    expect(keys).toEqual(['contact:C:1:etiquette', 'contact:C:1:survey', 'sla:contact:C:1:answer', 'sla:contact:C:1:follow_up']);
    expect(keys.map(contactIdOfKey)).toEqual(['C:1', 'C:1', 'C:1', 'C:1']);
  });
});
