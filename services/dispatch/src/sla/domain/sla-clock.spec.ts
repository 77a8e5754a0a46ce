import { builtInStandards, ResolvedStandards } from '@hotline/standards';
import { BusinessCalendar } from './business-calendar';
import { SlaClock } from './sla-clock';
import { tailorSlaPolicy } from './sla-policy';
import { slaPolicyCatalogue } from './sla-policy-catalogue';

const SECOND = 1000;
const HOUR = 3_600_000;
const catalogue = slaPolicyCatalogue(new ResolvedStandards(builtInStandards));
const t0 = new Date('2026-03-02T08:00:00Z');
const after = (ms: number): Date => new Date(t0.getTime() + ms);

describe('SlaClock: the 30-second answer', () => {
  const queued = SlaClock.create({ policy: catalogue.answer }).on('queued', t0);

  it('falls due 30 s after queueing and warns at 50 % and 80 %', () => {
    expect(queued.status()).toBe('running');
    expect(queued.dueAt()).toEqual(after(30 * SECOND));
    expect(queued.warnAt(0.5)).toEqual(after(15 * SECOND));
    expect(queued.warnAt(0.8)).toEqual(after(24 * SECOND));
  });

  it('is breached at the due instant, not a millisecond before', () => {
    expect(queued.breached(after(30 * SECOND - 1))).toBe(false);
    expect(queued.breachedAt(after(30 * SECOND))).toEqual({ at: after(30 * SECOND), by: 'budget' });
  });

  it('stops in time on an answer, even one exactly at the due instant', () => {
    const answered = queued.on('answered', after(30 * SECOND));
    expect(answered.status()).toBe('stopped');
    expect(answered.dueAt()).toBeUndefined();
    expect(answered.breached(after(HOUR))).toBe(false);
    expect(queued.on('answered', after(30 * SECOND + 1)).breachedAt(after(HOUR))).toEqual({ at: after(30 * SECOND), by: 'budget' });
  });

  it('takes an answer that arrives before its queueing in time order: no breach', () => {
    const reordered = SlaClock.create({ policy: catalogue.answer }).on('answered', after(12 * SECOND)).on('queued', t0);
    expect(reordered.status()).toBe('stopped');
    expect(reordered.breached(after(HOUR))).toBe(false);
    expect(reordered.elapsed(after(HOUR))).toBe(12 * SECOND);
  });

  it('withdraws a breach when a late answer shows the customer was answered in time', () => {
    expect(queued.breached(after(31 * SECOND))).toBe(true);
    const corrected = queued.on('answered', after(25 * SECOND));
    expect(corrected.breached(after(31 * SECOND))).toBe(false);
  });

  it('ignores signals its policy does not name', () => {
    const ignored = queued.on('waiting_on_customer', after(SECOND));
    expect(ignored.status()).toBe('running');
    expect(ignored.history().map((entry) => entry.change)).toEqual(['started']);
  });
});

describe('SlaClock: pauses (a repair in a town, 48 h)', () => {
  const opened = SlaClock.create({ policy: catalogue['fault-repair-town'] }).on('opened', t0);
  const waited = opened.on('waiting_on_customer', after(10 * HOUR)).on('customer_replied', after(20 * HOUR));

  it('does not count the time spent waiting on the customer', () => {
    expect(waited.elapsed(after(30 * HOUR))).toBe(20 * HOUR);
    expect(waited.pausedFor(after(30 * HOUR))).toBe(10 * HOUR);
    expect(waited.dueAt()).toEqual(after(58 * HOUR));
    expect(waited.warnAt(0.5)).toEqual(after(34 * HOUR));
  });

  it('has no due time while paused', () => {
    expect(waited.status(after(15 * HOUR))).toBe('paused');
    expect(waited.dueAt(after(15 * HOUR))).toBeUndefined();
    expect(waited.warnAt(0.8, after(15 * HOUR))).toBeUndefined();
    expect(waited.pausedFor(after(15 * HOUR))).toBe(5 * HOUR);
  });

  it('does not fire when it falls due while paused, and is due at once on resuming with nothing left', () => {
    const paused = opened.on('waiting_on_customer', after(40 * HOUR));
    expect(paused.breached(after(100 * HOUR))).toBe(false);
    expect(paused.dueAt(after(100 * HOUR))).toBeUndefined();
    const resumed = paused.on('customer_replied', after(100 * HOUR));
    expect(resumed.dueAt()).toEqual(after(108 * HOUR));
    const pausedOnTheDot = opened.on('waiting_on_customer', after(48 * HOUR));
    expect(pausedOnTheDot.breached(after(60 * HOUR))).toBe(false);
    expect(pausedOnTheDot.on('customer_replied', after(60 * HOUR)).dueAt()).toEqual(after(60 * HOUR));
  });

  it('explains itself: which signal started, paused and resumed it, with the standard applied', () => {
    expect(waited.history().map(({ at, change, signal, elapsedMs, pausedMs }) => ({ at, change, signal, elapsedMs, pausedMs }))).toEqual([
      { at: t0, change: 'started', signal: 'opened', elapsedMs: 0, pausedMs: 0 },
      { at: after(10 * HOUR), change: 'paused', signal: 'waiting_on_customer', elapsedMs: 10 * HOUR, pausedMs: 0 },
      { at: after(20 * HOUR), change: 'resumed', signal: 'customer_replied', elapsedMs: 10 * HOUR, pausedMs: 10 * HOUR },
    ]);
    expect(waited.history()[0].standard).toEqual({ standardId: 'fault-repair-town', version: '1', clause: '1.3' });
  });
});

describe('SlaClock: a change of priority or policy mid-way keeps elapsed and paused time', () => {
  const byPriority = tailorSlaPolicy(catalogue['fault-repair-town'], { budgetByPriority: { P1: 4 * HOUR } });
  const started = SlaClock.create({ policy: byPriority, priority: 'P3' })
    .on('opened', t0)
    .on('waiting_on_customer', after(HOUR))
    .on('customer_replied', after(2 * HOUR));

  it('recomputes the due time from the remaining budget when the priority is raised', () => {
    const raised = started.changePriority('P1', after(3 * HOUR));
    expect(raised.elapsed(after(3 * HOUR))).toBe(2 * HOUR);
    expect(raised.pausedFor(after(3 * HOUR))).toBe(HOUR);
    expect(raised.budgetMs()).toBe(4 * HOUR);
    expect(raised.dueAt()).toEqual(after(5 * HOUR));
    expect(raised.history().at(-1)).toMatchObject({ change: 'rebudgeted', signal: 'priority_changed', priority: 'P1', elapsedMs: 2 * HOUR });
  });

  it('gives back the larger budget, not a fresh one, when the priority is lowered again', () => {
    const lowered = started.changePriority('P1', after(3 * HOUR)).changePriority('P3', after(4 * HOUR));
    expect(lowered.elapsed(after(4 * HOUR))).toBe(3 * HOUR);
    expect(lowered.dueAt()).toEqual(after(49 * HOUR));
  });

  it('is due at the change when the new budget is already spent', () => {
    const late = started.changePriority('P1', after(6 * HOUR));
    expect(late.dueAt()).toEqual(after(6 * HOUR));
    expect(late.breachedAt(after(6 * HOUR))).toEqual({ at: after(6 * HOUR), by: 'budget' });
    expect(late.breached(after(6 * HOUR - 1))).toBe(false);
  });

  it('applies a priority change while paused from the resumption', () => {
    const paused = SlaClock.create({ policy: byPriority, priority: 'P3' }).on('opened', t0).on('waiting_on_customer', after(HOUR));
    const raised = paused.changePriority('P1', after(2 * HOUR));
    expect(raised.dueAt()).toBeUndefined();
    expect(raised.on('customer_replied', after(5 * HOUR)).dueAt()).toEqual(after(8 * HOUR));
  });

  it("keeps elapsed and paused time when a tenant's tighter standard takes over", () => {
    const tighter = tailorSlaPolicy(catalogue['fault-repair-town'], { budgetMs: 24 * HOUR });
    const switched = started.changePolicy(tighter, after(10 * HOUR));
    expect(switched.elapsed(after(10 * HOUR))).toBe(9 * HOUR);
    expect(switched.pausedFor(after(10 * HOUR))).toBe(HOUR);
    expect(switched.dueAt()).toEqual(after(25 * HOUR));
  });

  it('applies a change that arrives late at its own time', () => {
    const inOrder = started.changePriority('P1', after(3 * HOUR)).on('waiting_on_customer', after(4 * HOUR));
    const late = started.on('waiting_on_customer', after(4 * HOUR)).changePriority('P1', after(3 * HOUR));
    expect(late.history()).toEqual(inOrder.history());
    expect(late.on('customer_replied', after(5 * HOUR)).dueAt()).toEqual(after(6 * HOUR));
  });
});

describe('SlaClock: reset on reopen', () => {
  it('restarts a repair clock from zero as a new run', () => {
    const reopened = SlaClock.create({ policy: catalogue['fault-repair-town'] })
      .on('opened', t0)
      .on('waiting_on_customer', after(HOUR))
      .on('customer_replied', after(2 * HOUR))
      .on('resolved', after(10 * HOUR))
      .on('reopened', after(20 * HOUR));
    expect(reopened.run()).toBe(2);
    expect(reopened.startedAt()).toEqual(after(20 * HOUR));
    expect(reopened.elapsed(after(20 * HOUR))).toBe(0);
    expect(reopened.pausedFor(after(21 * HOUR))).toBe(0);
    expect(reopened.dueAt()).toEqual(after(68 * HOUR));
    expect(reopened.history().map(({ change, signal, run }) => [change, signal, run])).toEqual([
      ['started', 'opened', 1],
      ['paused', 'waiting_on_customer', 1],
      ['resumed', 'customer_replied', 1],
      ['stopped', 'resolved', 1],
      ['reset', 'reopened', 1],
      ['started', 'reopened', 2],
    ]);
  });

  it('sends a follow-up clock back to waiting for the next resolution', () => {
    const resolved = SlaClock.create({ policy: catalogue['follow-up-call'] }).on('resolved', t0);
    const reopened = resolved.on('reopened', after(HOUR));
    expect(reopened.status()).toBe('idle');
    expect(reopened.dueAt()).toBeUndefined();
    expect(reopened.breached(after(100 * HOUR))).toBe(false);
    const again = reopened.on('resolved', after(5 * HOUR));
    expect(again.run()).toBe(2);
    expect(again.dueAt()).toEqual(after(53 * HOUR));
  });
});

describe('SlaClock: record completion (先处理后记录)', () => {
  it('runs from handling until the record is complete', () => {
    const handling = SlaClock.create({ policy: catalogue['record-completion'] }).on('opened', t0).on('stage:handling', after(HOUR));
    expect(handling.dueAt()).toEqual(after(25 * HOUR));
    expect(handling.on('record_completed', after(3 * HOUR)).breached(after(100 * HOUR))).toBe(false);
  });

  it('never runs when the record was complete before handling, whatever order the signals arrive in', () => {
    for (const clock of [
      SlaClock.create({ policy: catalogue['record-completion'] }).on('record_completed', t0).on('stage:handling', after(HOUR)),
      SlaClock.create({ policy: catalogue['record-completion'] }).on('stage:handling', after(HOUR)).on('record_completed', t0),
    ]) {
      expect(clock.status()).toBe('stopped');
      expect(clock.run()).toBe(0);
      expect(clock.history()).toEqual([expect.objectContaining({ change: 'stopped', beforeStart: true, signal: 'record_completed' })]);
    }
  });
});

describe('SlaClock: business hours and the floor', () => {
  const officeDay = [
    { from: '09:00', to: '12:00' },
    { from: '13:00', to: '18:00' },
  ];
  const shanghai = BusinessCalendar.of({
    timeZone: 'Asia/Shanghai',
    weeklyHours: { monday: officeDay, tuesday: officeDay, wednesday: officeDay, thursday: officeDay, friday: officeDay },
  });
  const friday5pm = new Date('2026-03-06T17:00:00+08:00');

  it('counts only working hours for a policy that says so', () => {
    const followUp = tailorSlaPolicy(catalogue['follow-up-call'], { calendar: 'business-hours', budgetMs: 8 * HOUR });
    const clock = SlaClock.create({ policy: followUp, businessCalendar: shanghai }).on('resolved', friday5pm);
    expect(clock.dueAt()).toEqual(new Date('2026-03-09T17:00:00+08:00'));
    expect(clock.warnAt(0.5)).toEqual(new Date('2026-03-09T12:00:00+08:00'));
    expect(clock.elapsed(new Date('2026-03-09T10:00:00+08:00'))).toBe(2 * HOUR);
  });

  it('never lets business hours carry a floor past its wall-clock maximum', () => {
    const repair = tailorSlaPolicy(catalogue['fault-repair-town'], { calendar: 'business-hours' });
    const clock = SlaClock.create({ policy: repair, businessCalendar: shanghai }).on('opened', friday5pm);
    expect(clock.due()).toEqual({ at: new Date(friday5pm.getTime() + 48 * HOUR), by: 'ceiling' });
    // Pauses still count for nothing, on the ceiling too.
    const waited = clock.on('waiting_on_customer', new Date(friday5pm.getTime() + HOUR)).on('customer_replied', new Date(friday5pm.getTime() + 11 * HOUR));
    expect(waited.due()).toEqual({ at: new Date(friday5pm.getTime() + 58 * HOUR), by: 'ceiling' });
  });

  it('refuses a business-hours policy without a calendar', () => {
    const followUp = tailorSlaPolicy(catalogue['follow-up-call'], { calendar: 'business-hours' });
    expect(() => SlaClock.create({ policy: followUp })).toThrow(/business calendar/);
    expect(() => SlaClock.create({ policy: catalogue['follow-up-call'] }).changePolicy(followUp, t0)).toThrow(/business calendar/);
    expect(() => SlaClock.replay({ policy: catalogue['follow-up-call'] }, [{ kind: 'policy', policy: followUp, at: t0.getTime() }])).toThrow(
      /business calendar/,
    );
  });
});

describe('SlaClock: inputs', () => {
  it('rebuilds the same clock from its stored inputs', () => {
    const clock = SlaClock.create({ policy: catalogue['complaint-resolution'], priority: 'P2' })
      .on('opened', t0)
      .on('waiting_on_customer', after(2 * HOUR))
      .changePriority('P1', after(HOUR))
      .on('customer_replied', after(30 * HOUR));
    const replayed = SlaClock.replay({ policy: catalogue['complaint-resolution'], priority: 'P2' }, clock.inputs);
    expect(replayed.history()).toEqual(clock.history());
    expect(replayed.dueAt()).toEqual(clock.dueAt());
    expect(clock.dueAt()).toEqual(after(15 * 24 * HOUR + 28 * HOUR));
  });

  it('takes direct transitions as well as signals', () => {
    const clock = SlaClock.create({ policy: catalogue.answer }).start(t0).pause(after(SECOND)).resume(after(3 * SECOND)).stop(after(4 * SECOND));
    expect(clock.elapsed(after(HOUR))).toBe(2 * SECOND);
    expect(clock.pausedFor(after(HOUR))).toBe(2 * SECOND);
    expect(clock.history().every((entry) => entry.signal === undefined)).toBe(true);
  });

  it('refuses an invalid time', () => {
    expect(() => SlaClock.create({ policy: catalogue.answer }).on('queued', new Date('not a date'))).toThrow(RangeError);
  });
});
