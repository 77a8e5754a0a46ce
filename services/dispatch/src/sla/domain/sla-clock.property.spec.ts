import { seededRandom } from '@hotline/testing/random';
import { builtInStandards, ResolvedStandards } from '@hotline/standards';
import { BusinessCalendar, type WorkingTime } from './business-calendar';
import { SlaClock, type ClockInput } from './sla-clock';
import { tailorSlaPolicy, type SlaPolicy, type SlaPriority } from './sla-policy';
import { slaPolicyCatalogue } from './sla-policy-catalogue';
import type { SlaSignal } from './sla-signal';

/**
 * Properties, on thousands of generated signal histories for clocks that pause, stop, reset and
 * change priority, on the 24/7 calendar and on business hours in two zones:
 * - the order inputs arrive in does not matter, only their times;
 * - on the 24/7 calendar, counted + paused time is the wall-clock time since the run started;
 * - counted time never decreases within a run, and a change of priority never changes it;
 * - a running clock's due time is when its counted time reaches the budget: breached there, not
 *   a millisecond before.
 */

const SEED = 20261130;
const HISTORIES = 600;
const QUERIES = 4;
const HOUR = 3_600_000;
const T0 = Date.parse('2026-03-20T00:00:00Z');
const SPAN = 14 * 24 * HOUR;

const { next: random, int, pick } = seededRandom(SEED);
function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = int(0, i);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

const catalogue = slaPolicyCatalogue(new ResolvedStandards(builtInStandards));
const weekdays = [{ from: '09:00', to: '12:00' }, { from: '13:00', to: '18:00' }];
const calendars: WorkingTime[] = [
  BusinessCalendar.of({
    timeZone: 'Asia/Shanghai',
    weeklyHours: { monday: weekdays, tuesday: weekdays, wednesday: weekdays, thursday: weekdays, friday: weekdays },
    holidays: ['2026-03-25'],
  }),
  BusinessCalendar.of({ timeZone: 'Europe/London', weeklyHours: { monday: weekdays, friday: weekdays, sunday: [{ from: '00:00', to: '24:00' }] } }),
];
const byPriority = { P1: 4 * HOUR, P2: 12 * HOUR };
const policies: SlaPolicy[] = [
  tailorSlaPolicy(catalogue['fault-repair-town'], { budgetByPriority: byPriority }),
  tailorSlaPolicy(catalogue['fault-repair-rural'], { calendar: 'business-hours', budgetByPriority: byPriority }),
  tailorSlaPolicy(catalogue['follow-up-call'], { calendar: 'business-hours', budgetMs: 16 * HOUR, budgetByPriority: byPriority }),
  tailorSlaPolicy(catalogue['complaint-resolution'], { budgetByPriority: byPriority }),
];
const signals: SlaSignal[] = ['opened', 'waiting_on_customer', 'customer_replied', 'resolved', 'reopened', 'follow_up_completed', 'cancelled'];
const priorities: SlaPriority[] = ['P1', 'P2', 'P3'];

interface Case {
  policy: SlaPolicy;
  businessCalendar: WorkingTime;
  priority: SlaPriority;
  inputs: ClockInput[];
}

function randomCase(withPriorityChanges: boolean): Case {
  const times = new Set<number>();
  while (times.size < int(2, 12)) times.add(T0 + int(0, SPAN / 60_000) * 60_000);
  const inputAt = (at: number, first: boolean): ClockInput => {
    if (first) return { kind: 'signal', signal: pick(['opened', 'resolved'] as const), at };
    if (withPriorityChanges && random() < 0.2) return { kind: 'priority', priority: pick(priorities), at };
    return { kind: 'signal', signal: pick(signals), at };
  };
  const inputs = [...times].sort((a, b) => a - b).map((at, i) => inputAt(at, i === 0));
  return { policy: pick(policies), businessCalendar: pick(calendars), priority: pick(priorities), inputs };
}

const clockOf = (c: Case, inputs: readonly ClockInput[]) =>
  SlaClock.replay({ policy: c.policy, priority: c.priority, businessCalendar: c.businessCalendar }, inputs);
/** Instants from just before the first input to a month after the last, in order. */
const queries = () =>
  Array.from({ length: QUERIES }, () => new Date(T0 - HOUR + int(0, (SPAN + 30 * 24 * HOUR) / 1000) * 1000)).sort((a, b) => a.getTime() - b.getTime());
const observe = (clock: SlaClock, at: Date) => ({
  status: clock.status(at),
  run: clock.run(at),
  elapsed: clock.elapsed(at),
  paused: clock.pausedFor(at),
  due: clock.dueAt(at)?.toISOString(),
  breachedAt: clock.breachedAt(at)?.at.toISOString(),
});

describe('SlaClock (property, seeded)', () => {
  it(`gives the same answers whatever order ${HISTORIES} generated histories arrive in (seed ${SEED})`, () => {
    for (let n = 0; n < HISTORIES; n++) {
      const c = randomCase(true);
      const inOrder = clockOf(c, c.inputs);
      const arrived = clockOf(c, shuffled(c.inputs));
      const failure = `${c.policy.id} ${JSON.stringify(c.inputs)}`;
      expect({ failure, history: arrived.history() }).toEqual({ failure, history: inOrder.history() });
      for (const at of queries()) expect({ failure, at, ...observe(arrived, at) }).toEqual({ failure, at, ...observe(inOrder, at) });
    }
  });

  it('counts, on the 24/7 calendar, exactly the wall-clock time not spent paused', () => {
    for (let n = 0; n < HISTORIES; n++) {
      const c = randomCase(true);
      if (c.policy.calendar !== 'always') continue;
      const clock = clockOf(c, c.inputs);
      for (const at of queries()) {
        const startedAt = clock.startedAt(at);
        if (startedAt === undefined || clock.status(at) === 'stopped') continue;
        const failure = `${c.policy.id} ${JSON.stringify(c.inputs)} at ${at.toISOString()}`;
        expect({ failure, total: clock.elapsed(at) + clock.pausedFor(at) }).toEqual({ failure, total: at.getTime() - startedAt.getTime() });
      }
    }
  });

  it('never counts backwards within a run, and keeps its counted and paused time through priority changes', () => {
    for (let n = 0; n < HISTORIES; n++) {
      const c = randomCase(false);
      const clock = clockOf(c, c.inputs);
      const changed = clockOf(c, [...c.inputs, { kind: 'priority', priority: pick(priorities), at: T0 + int(0, SPAN / 1000) * 1000 }]);
      const failure = `${c.policy.id} ${JSON.stringify(c.inputs)}`;
      let previous: { run?: number; elapsed: number } | undefined;
      for (const at of queries()) {
        // A run is the span from a start to the next reset: the same start instant is the same run.
        const now = { run: clock.startedAt(at)?.getTime(), elapsed: clock.elapsed(at) };
        if (previous?.run !== undefined && previous.run === now.run) {
          expect({ failure, at, backwards: now.elapsed < previous.elapsed }).toEqual({ failure, at, backwards: false });
        }
        previous = now;
        const kept = { elapsed: changed.elapsed(at), paused: changed.pausedFor(at) };
        expect({ failure, at, ...kept }).toEqual({ failure, at, elapsed: clock.elapsed(at), paused: clock.pausedFor(at) });
      }
    }
  });

  it("falls due when a running clock's counted time reaches its budget, and not a millisecond before", () => {
    let checked = 0;
    for (let n = 0; n < HISTORIES; n++) {
      const c = randomCase(true);
      const clock = clockOf(c, c.inputs);
      const due = clock.due();
      const lastInput = Math.max(...c.inputs.map((input) => input.at));
      if (!due || due.by !== 'budget' || due.at.getTime() <= lastInput) continue;
      checked++;
      const failure = `${c.policy.id} ${JSON.stringify(c.inputs)}`;
      const justBefore = new Date(due.at.getTime() - 1);
      expect({ failure, elapsed: clock.elapsed(due.at), breached: clock.breached(due.at), before: clock.breached(justBefore) }).toEqual({
        failure,
        elapsed: clock.budgetMs(),
        breached: true,
        before: false,
      });
    }
    expect(checked).toBeGreaterThan(HISTORIES / 10);
  });
});
