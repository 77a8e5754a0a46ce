import { type ContactFact, type ContactFacts, emptyFacts, mergeFact } from './contact-facts';
import { contactKpis, contactTime, type CountingRules, UNKNOWN_GROUP } from './contact-kpis';
import { bucketStart, cellsOf, KpiDeltas } from './kpi-cells';
import { addCounters, emptyCounters } from './kpi-counters';
import { kpiFigures } from './kpi-figures';

const rules: CountingRules = { answerTargetMs: 30_000, standardVersion: '1', shortAbandonMs: 5_000 };
const t0 = Date.parse('2026-11-25T01:29:50Z');
const at = (seconds: number) => t0 + seconds * 1000;
const facts = (...list: ContactFact[]): ContactFacts => list.reduce(mergeFact, emptyFacts());
const queued: ContactFact = { kind: 'queued', at: at(0), eventId: 'q', queue: 'billing', direction: 'inbound' };

describe('contact KPIs', () => {
  it('counts an answer within the standard, timed by the platform wait when it gives one', () => {
    const kpis = contactKpis(facts(queued, { kind: 'answered', at: at(40), eventId: 'a', agentId: 'a7', team: 'red', waitMs: 12_000 }), rules);
    expect(kpis).toMatchObject({ at: at(0), queue: 'billing', team: 'red', agent: 'a7', standardVersion: '1' });
    expect(kpis?.counters).toMatchObject({ contacts: 1, offered: 1, answered: 1, answeredTimed: 1, answeredInTarget: 1, answerWaitMs: 12_000, abandoned: 0 });
  });

  it('times an answer from event times without a platform wait; exactly the target is in time, a millisecond more is not', () => {
    const answer = (ms: number) => contactKpis(facts(queued, { kind: 'answered', at: at(0) + ms, eventId: 'a', agentId: 'a7' }), rules)?.counters;
    expect(answer(30_000)).toMatchObject({ answeredInTarget: 1, answerWaitMs: 30_000 });
    expect(answer(30_001)).toMatchObject({ answeredInTarget: 0, answerWaitMs: 30_001, offered: 1 });
  });

  it('reports short abandons apart, out of offered; a longer one is abandoned', () => {
    const abandonAfter = (ms: number) => contactKpis(facts(queued, { kind: 'abandoned', at: at(0) + ms, eventId: 'x' }), rules)?.counters;
    expect(abandonAfter(4_999)).toMatchObject({ contacts: 1, offered: 0, abandoned: 0, shortAbandoned: 1 });
    expect(abandonAfter(5_000)).toMatchObject({ offered: 1, abandoned: 1, shortAbandoned: 0 });
  });

  it('lets an answer correct an abandon, whichever came first', () => {
    const abandoned: ContactFact = { kind: 'abandoned', at: at(50), eventId: 'x', waitMs: 50_000 };
    const answered: ContactFact = { kind: 'answered', at: at(20), eventId: 'a', agentId: 'a7' };
    for (const kpis of [contactKpis(facts(queued, abandoned, answered), rules), contactKpis(facts(answered, queued, abandoned), rules)]) {
      expect(kpis?.counters).toMatchObject({ offered: 1, answered: 1, abandoned: 0, answeredInTarget: 1 });
    }
  });

  it('dates a contact whose queued event has not come from its answer less the wait, else its first event', () => {
    expect(contactTime(facts({ kind: 'answered', at: at(40), eventId: 'a', agentId: 'a7', waitMs: 25_000 }))).toBe(at(15));
    expect(contactTime(facts({ kind: 'transferred', at: at(90), eventId: 't' }, { kind: 'ended', at: at(80), eventId: 'e' }))).toBe(at(80));
    expect(contactTime(facts({ kind: 'surveyed', at: at(90), eventId: 's', score: 5 }))).toBeNull();
    expect(contactKpis(facts({ kind: 'surveyed', at: at(90), eventId: 's', score: 5 }), rules)).toBeNull();
  });

  it('leaves outbound contacts out of offered but counts their handling', () => {
    const outbound = facts(
      { ...queued, direction: 'outbound' } as ContactFact,
      { kind: 'answered', at: at(3), eventId: 'a', agentId: 'a7' },
      { kind: 'ended', at: at(200), eventId: 'e', handleMs: 190_000 },
    );
    expect(contactKpis(outbound, rules)?.counters).toMatchObject({ contacts: 1, offered: 0, answered: 0, handled: 1, handleMs: 190_000 });
  });

  describe('after-contact work and handle time', () => {
    // Answered at 10 s, the conversation ended (wrap-up began) at 250 s, the wrap-up was done at 280.5 s.
    const answered: ContactFact = { kind: 'answered', at: at(10), eventId: 'a', agentId: 'a7' };
    const ended: ContactFact = { kind: 'ended', at: at(250), eventId: 'e' };
    const completed: ContactFact = { kind: 'completed', at: at(280.5), eventId: 'c', agentId: 'a7' };
    const counted = (...list: ContactFact[]) => contactKpis(facts(...list), rules)?.counters;

    it('takes the work from the end to the completion, and talk from the answer to the end, whichever arrives first', () => {
      for (const order of [
        [queued, answered, ended, completed],
        [queued, answered, completed, ended],
        [completed, ended, answered, queued],
      ]) {
        expect(counted(...order)).toMatchObject({ handled: 1, handleMs: 240_000 + 30_500, afterContactWorked: 1, afterContactWorkMs: 30_500 });
      }
    });

    it('counts the talk alone until the completion comes, and no work or handle from a completion alone', () => {
      expect(counted(queued, answered, ended)).toMatchObject({ handled: 1, handleMs: 240_000, afterContactWorked: 0, afterContactWorkMs: 0 });
      expect(counted(queued, answered, completed)).toMatchObject({ handled: 0, handleMs: 0, afterContactWorked: 0 });
    });

    it("prefers the platform's figures: its work on the end or the completion, its talk and hold, its total", () => {
      const platformEnd = { ...ended, handleMs: 225_000, afterContactWorkMs: 25_000 } as ContactFact; // talk 200 s + work 25 s
      expect(counted(answered, completed, platformEnd)).toMatchObject({ afterContactWorkMs: 25_000, handleMs: 225_000 });
      expect(counted(answered, ended, { ...completed, afterContactWorkMs: 28_000 } as ContactFact)).toMatchObject({ afterContactWorkMs: 28_000, handleMs: 240_000 + 28_000 });
      expect(counted(answered, { ...ended, talkHoldMs: 200_000 } as ContactFact, completed)).toMatchObject({ handleMs: 200_000 + 30_500 });
      expect(counted(answered, { ...ended, handleMs: 300_000 } as ContactFact, completed)).toMatchObject({ handleMs: 300_000, afterContactWorkMs: 30_500 });
    });

    it('names the completing agent and queue when nothing else does', () => {
      expect(contactKpis(facts({ ...ended, queue: undefined } as ContactFact, { ...completed, queue: 'billing', team: 'red' } as ContactFact), rules)).toMatchObject({
        queue: 'billing',
        team: 'red',
        agent: 'a7',
      });
    });
  });

  it('counts surveys, complaints once each, and breaches unless withdrawn, outage-caused ones apart', () => {
    const base = [queued, { kind: 'answered', at: at(45), eventId: 'a', agentId: 'a7' }] as ContactFact[];
    const complained: ContactFact = { kind: 'complained', complaintId: 'K1' };
    const counted = contactKpis(
      facts(...base, { kind: 'surveyed', at: at(500), eventId: 's', score: 4 }, complained, complained, { kind: 'breached', at: at(30), eventId: 'b', causedByOutage: false }),
      rules,
    )?.counters;
    expect(counted).toMatchObject({ surveys: 1, satisfied: 1, surveyScore: 4, complaints: 1, breached: 1, outageBreached: 0 });
    const outage = contactKpis(facts(...base, { kind: 'breached', at: at(30), eventId: 'b', causedByOutage: true }), rules)?.counters;
    expect(outage).toMatchObject({ breached: 0, outageBreached: 1 });
    const withdrawn = contactKpis(facts(...base, { kind: 'breach-withdrawn' }, { kind: 'breached', at: at(30), eventId: 'b', causedByOutage: false }), rules);
    expect(withdrawn?.counters).toMatchObject({ breached: 0, outageBreached: 0 });
  });

  it('counts an answered contact of a known customer resolved at first contact unless a repeat followed', () => {
    const answered = facts(queued, { kind: 'answered', at: at(10), eventId: 'a', agentId: 'a7' });
    expect(contactKpis(answered, { ...rules, followedByRepeat: false })?.counters).toMatchObject({ firstContactEligible: 1, resolvedAtFirstContact: 1 });
    expect(contactKpis(answered, { ...rules, followedByRepeat: true })?.counters).toMatchObject({ firstContactEligible: 1, resolvedAtFirstContact: 0 });
    expect(contactKpis(answered, rules)?.counters).toMatchObject({ firstContactEligible: 0, resolvedAtFirstContact: 0 });
    expect(contactKpis(facts(queued), { ...rules, followedByRepeat: false })?.counters).toMatchObject({ firstContactEligible: 0 });
  });

  it('takes the latest survey, and names no group it does not know', () => {
    const kpis = contactKpis(
      facts(queued, { kind: 'surveyed', at: at(900), eventId: 's2', score: 2 }, { kind: 'surveyed', at: at(800), eventId: 's1', score: 5 }),
      rules,
    );
    expect(kpis).toMatchObject({ team: UNKNOWN_GROUP, agent: UNKNOWN_GROUP, counters: { surveys: 1, surveyScore: 2, satisfied: 0 } });
  });
});

describe('KPI cells', () => {
  it('buckets by quarter-hour and UTC day', () => {
    expect(new Date(bucketStart(at(0), '15m')).toISOString()).toBe('2026-11-25T01:15:00.000Z');
    expect(new Date(bucketStart(at(20), '15m')).toISOString()).toBe('2026-11-25T01:30:00.000Z');
    expect(new Date(bucketStart(at(0), '1d')).toISOString()).toBe('2026-11-25T00:00:00.000Z');
  });

  it('puts a contact in each bucket size × grouping (the whole tenant is the sum of its queues)', () => {
    const kpis = contactKpis(facts(queued), rules);
    const cells = kpis ? cellsOf(kpis) : [];
    expect(cells.map((c) => `${c.bucket}/${c.groupBy}/${c.groupKey}`)).toEqual([
      '15m/queue/billing',
      `15m/team/${UNKNOWN_GROUP}`,
      `15m/agent/${UNKNOWN_GROUP}`,
      '1d/queue/billing',
      `1d/team/${UNKNOWN_GROUP}`,
      `1d/agent/${UNKNOWN_GROUP}`,
    ]);
  });

  it('moves a contact between buckets by the difference a late queued event makes', () => {
    const early = facts({ kind: 'answered', at: at(20), eventId: 'a', agentId: 'a7' });
    const deltas = new KpiDeltas();
    deltas.change(contactKpis(early, rules), contactKpis(mergeFact(early, queued), rules));
    const quarter = deltas.list().filter((c) => c.bucket === '15m' && c.groupBy === 'agent');
    expect(quarter.map((c) => [new Date(c.bucketStart).toISOString(), c.counters.answered, c.counters.answeredInTarget])).toEqual([
      ['2026-11-25T01:15:00.000Z', 1, 1],
      ['2026-11-25T01:30:00.000Z', -1, 0],
    ]);
    // The day is the same: only the newly known wait changes there.
    const day = deltas.list().filter((c) => c.bucket === '1d' && c.groupBy === 'agent');
    expect(day.map((c) => c.counters.answered)).toEqual([0]);
    expect(day[0].counters).toMatchObject({ answeredTimed: 1, answeredInTarget: 1, answerWaitMs: 20_000 });
  });
});

describe('KPI figures', () => {
  it('divides, and gives null where nothing divides', () => {
    const none = kpiFigures(emptyCounters());
    expect(none).toMatchObject({ serviceLevel: null, averageSpeedOfAnswerSeconds: null, abandonmentRate: null, csat: null, complaintRatePer1000: null });
    const figures = kpiFigures({
      ...emptyCounters(),
      contacts: 5,
      offered: 4,
      answered: 3,
      answeredTimed: 2,
      answeredInTarget: 2,
      answerWaitMs: 30_000,
      abandoned: 1,
      surveys: 2,
      satisfied: 1,
      surveyScore: 7,
      complaints: 1,
      handled: 2,
      handleMs: 500_000,
      firstContactEligible: 4,
      resolvedAtFirstContact: 3,
    });
    expect(figures).toMatchObject({
      serviceLevel: 0.5,
      averageSpeedOfAnswerSeconds: 15,
      abandonmentRate: 0.25,
      csat: 0.5,
      averageSurveyScore: 3.5,
      complaintRatePer1000: 200,
      averageHandleTimeSeconds: 250,
      transferRate: 0,
      firstContactResolution: 0.75,
    });
  });
});

describe('KPI counters', () => {
  it('count a counter a stored contact lacks as 0', () => {
    const into = emptyCounters();
    addCounters(into, { contacts: 1, offered: 1 }, -1);
    expect(into).toEqual({ ...emptyCounters(), contacts: -1, offered: -1 });
  });
});
