import { seededRandom, type SeededRandom } from '@hotline/testing/random';
import { type ContactFact, type ContactFacts, emptyFacts, mergeFact } from './contact-facts';
import { contactKpis, type ContactKpis, type CountingRules } from './contact-kpis';
import { cellKey, cellsOf, KpiDeltas } from './kpi-cells';

/**
 * Property: for generated contacts (any mix of queued, answered, abandoned, transferred, ended,
 * completed, survey, complaint, breach and withdrawal, some repeated under new ids), every order of
 * their events gives the same facts, and adding up the difference each event made to the cells
 * gives exactly the cells of the final count: incremental KPIs equal a recount. Ended and completed
 * in either order give the same after-contact work and handle time.
 */

const SEED = 20261130;
const CONTACTS = 150;
const ORDERS_PER_CONTACT = 20;

const rules: CountingRules = { answerTargetMs: 30_000, standardVersion: 'acme:2@1', shortAbandonMs: 5_000 };
const t0 = Date.parse('2026-11-25T08:10:00Z');

function contactEvents(g: SeededRandom): ContactFact[] {
  const s = (seconds: number) => t0 + seconds * 1000;
  const maybe = (p: number) => g.next() < p;
  const queuedAt = g.int(0, 3600);
  const wait = g.int(0, 90);
  const facts: ContactFact[] = [];
  const id = () => `e${g.int(0, 1e9)}`;
  if (maybe(0.8)) facts.push({ kind: 'queued', at: s(queuedAt), eventId: id(), queue: g.pick(['billing', 'faults']), direction: maybe(0.9) ? 'inbound' : 'outbound' });
  const platformWait = () => (maybe(0.5) ? { waitMs: wait * 1000 } : {});
  if (maybe(0.6)) facts.push({ kind: 'answered', at: s(queuedAt + wait), eventId: id(), agentId: g.pick(['a1', 'a2']), team: g.pick(['red', 'blue']), ...platformWait() });
  if (maybe(0.4)) facts.push({ kind: 'abandoned', at: s(queuedAt + g.int(0, 60)), eventId: id(), ...(maybe(0.5) ? { waitMs: g.int(0, 60_000) } : {}) });
  if (maybe(0.3)) facts.push({ kind: 'transferred', at: s(queuedAt + wait + 30), eventId: id() });
  // The end carries the platform's figures, talk and hold only, or none (times tell); the completion may carry its work.
  const endFigures = g.pick([
    () => ({ handleMs: g.int(0, 600_000), afterContactWorkMs: g.int(0, 60_000) }),
    () => ({ talkHoldMs: g.int(0, 600_000) }),
    () => ({}),
  ])();
  if (maybe(0.6)) facts.push({ kind: 'ended', at: s(queuedAt + wait + g.int(0, 400)), eventId: id(), ...endFigures });
  if (maybe(0.5)) {
    const work = maybe(0.3) ? { afterContactWorkMs: g.int(0, 60_000) } : {};
    facts.push({ kind: 'completed', at: s(queuedAt + wait + 400 + g.int(0, 120)), eventId: id(), ...(maybe(0.5) ? { agentId: g.pick(['a1', 'a2']) } : {}), ...work });
  }
  if (maybe(0.3)) facts.push({ kind: 'surveyed', at: s(queuedAt + 5000 + g.int(0, 100)), eventId: id(), score: g.int(1, 5) });
  if (maybe(0.2)) facts.push({ kind: 'complained', complaintId: g.pick(['K1', 'K2']) });
  if (maybe(0.3)) facts.push({ kind: 'breached', at: s(queuedAt + 30), eventId: id(), causedByOutage: maybe(0.3) });
  if (maybe(0.15)) facts.push({ kind: 'breach-withdrawn' });
  // A platform re-sending a fact under a new event id, possibly with another time.
  const resent = facts.length > 0 && maybe(0.4) ? [{ ...g.pick(facts), eventId: id() }] : [];
  return [...facts, ...resent, ...(facts.length > 0 && maybe(0.3) ? [g.pick(facts)] : [])];
}

function shuffled<T>(g: SeededRandom, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = g.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Applies the events one at a time, as batches of one would, adding each one's difference. */
function incrementally(events: readonly ContactFact[]): { facts: ContactFacts; cells: Map<string, number[]> } {
  let facts = emptyFacts();
  let counted: ContactKpis | null = null;
  const deltas = new KpiDeltas();
  for (const event of events) {
    facts = mergeFact(facts, event);
    const next = contactKpis(facts, rules);
    deltas.change(counted, next);
    counted = next;
  }
  return { facts, cells: new Map(deltas.list().map((cell) => [cellKey(cell), Object.values(cell.counters)])) };
}

describe('contact KPIs: any order, any repetition (seeded property)', () => {
  it('gives the same facts and, summed incrementally, exactly the cells of a recount', () => {
    const g = seededRandom(SEED);
    let compared = 0;
    for (let c = 0; c < CONTACTS; c++) {
      const events = contactEvents(g);
      const reference = incrementally(events);
      const recount = contactKpis(reference.facts, rules);
      const recounted = new Map((recount ? cellsOf(recount) : []).map((cell) => [cellKey(cell), Object.values(cell.counters)]));
      expect(reference.cells).toEqual(recounted);
      for (let o = 0; o < ORDERS_PER_CONTACT; o++) {
        const other = incrementally(shuffled(g, events));
        expect(other.facts).toEqual(reference.facts);
        expect(other.cells).toEqual(reference.cells);
        compared++;
      }
    }
    expect(compared).toBe(CONTACTS * ORDERS_PER_CONTACT);
  });
});
