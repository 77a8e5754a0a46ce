import { type AnswerClock, type AnswerStandard, deadlinePassed, isBreached, queue, stateOf, stop, stopKindOf, warnedPoints, warnPointReached } from './answer-clock';

const standard: AnswerStandard = { standardId: 'answer-time', standardVersion: 'acme:3@1', clause: '2.1', seconds: 30 };
const contact = { tenantId: 'acme', contactId: 'c-1' };
const at = (s: number) => new Date(Date.UTC(2026, 10, 30, 9, 0, s));
const queuedAt0 = (now: Date, existing?: AnswerClock) => queue(existing, { ...contact, at: at(0), standard }, now);
const answered = (existing: AnswerClock | undefined, s: number, now: Date) => stop(existing, { ...contact, kind: 'answered', at: at(s) }, now);

describe('answer clock', () => {
  it('starts on queued from the standard in force, due its seconds later, with a timer for the deadline', () => {
    const { clock, effects } = queuedAt0(at(1));
    expect(clock).toMatchObject({ queuedAt: at(0), dueAt: at(30), late: false, standard: { standardId: 'answer-time', standardVersion: 'acme:3@1', clause: '2.1' } });
    expect(stateOf(clock)).toBe('waiting');
    expect(effects).toEqual([{ kind: 'set-timer', dueAt: at(30) }]);
  });

  it('stops on an answer in time: the timer is cancelled, no breach', () => {
    const { clock, effects } = answered(queuedAt0(at(1)).clock, 12, at(13));
    expect(stateOf(clock)).toBe('answered');
    expect(effects).toEqual([{ kind: 'cancel-timer' }]);
    expect(isBreached(clock)).toBe(false);
  });

  it('is not breached when abandoned before the deadline', () => {
    const { clock, effects } = stop(queuedAt0(at(1)).clock, { ...contact, kind: 'abandoned', at: at(20) }, at(21));
    expect(stateOf(clock)).toBe('abandoned');
    expect(effects).toEqual([{ kind: 'cancel-timer' }]);
  });

  it('breaches live when the deadline passes with the customer still waiting, once', () => {
    const fired = deadlinePassed(queuedAt0(at(1)).clock, { late: false }, at(30));
    expect(fired.effects).toEqual([{ kind: 'publish-breach' }]);
    expect(fired.clock).toMatchObject({ breachedAt: at(30), late: false });
    expect(deadlinePassed(fired.clock, { late: false }, at(31))).toMatchObject({ changed: false, effects: [] });
  });

  it('flags late a breach whose timer fired late (it fell due while dispatch was down)', () => {
    const fired = deadlinePassed(queuedAt0(at(1)).clock, { late: true }, at(90));
    expect(fired.clock.late).toBe(true);
    expect(fired.effects).toEqual([{ kind: 'publish-breach' }]);
  });

  it('publishes nothing when the timer fires after a stop that raced it', () => {
    const stopped = answered(queuedAt0(at(1)).clock, 29, at(30)).clock;
    expect(deadlinePassed(stopped, { late: false }, at(30))).toMatchObject({ changed: false, effects: [] });
  });

  it('judges an answer that came before its queued at once: no breach when answered at or before the deadline', () => {
    const first = answered(undefined, 30, at(31));
    expect(first.clock).toMatchObject({ queuedAt: null, stoppedBy: 'answered', stoppedAt: at(30) });
    expect(first.effects).toEqual([]);
    const { clock, effects } = queuedAt0(at(31), first.clock);
    expect(clock).toMatchObject({ dueAt: at(30), stoppedBy: 'answered' });
    expect(effects).toEqual([]);
    expect(isBreached(clock)).toBe(false);
  });

  it('breaches at once, from event times, an answer after the deadline that came before its queued', () => {
    const first = answered(undefined, 45, at(46));
    const { clock, effects } = queuedAt0(at(46), first.clock);
    expect(effects).toEqual([{ kind: 'publish-breach' }]);
    expect(clock).toMatchObject({ breachedAt: at(46), late: true });
  });

  it('breaches an answer after the deadline that beat the timer, once', () => {
    const late = answered(queuedAt0(at(1)).clock, 31, at(30));
    expect(late.effects).toEqual([{ kind: 'cancel-timer' }, { kind: 'publish-breach' }]);
    expect(isBreached(late.clock)).toBe(true);
    const fired = deadlinePassed(queuedAt0(at(1)).clock, { late: false }, at(30));
    expect(answered(fired.clock, 31, at(32)).effects).toEqual([]);
  });

  it('withdraws a fired breach when an answer arrives afterwards with a time before the deadline', () => {
    const fired = deadlinePassed(queuedAt0(at(1)).clock, { late: false }, at(30)).clock;
    const { clock, effects } = answered(fired, 25, at(33));
    expect(effects).toEqual([{ kind: 'publish-withdrawal', reason: `answered at ${at(25).toISOString()}, before the deadline ${at(30).toISOString()}` }]);
    expect(clock).toMatchObject({ breachedAt: at(30), withdrawnAt: at(33), stoppedBy: 'answered' });
    expect(isBreached(clock)).toBe(false);
    // Redelivered, or answered again later: no second correction.
    expect(answered(clock, 25, at(34))).toMatchObject({ changed: false, effects: [] });
  });

  it('lets an earlier stop replace a later one, withdrawing the breach the later one caused', () => {
    const abandoned = stop(queuedAt0(at(1)).clock, { ...contact, kind: 'abandoned', at: at(40) }, at(41));
    expect(abandoned.effects).toEqual([{ kind: 'cancel-timer' }, { kind: 'publish-breach' }]);
    const { clock, effects } = answered(abandoned.clock, 20, at(42));
    expect(stateOf(clock)).toBe('answered');
    expect(effects).toEqual([expect.objectContaining({ kind: 'publish-withdrawal' })]);
  });

  it('is idempotent: the same queued or stop again changes nothing', () => {
    const started = queuedAt0(at(1)).clock;
    expect(queuedAt0(at(2), started)).toMatchObject({ changed: false, effects: [] });
    expect(queue(started, { ...contact, at: at(5), standard: { ...standard, seconds: 10 } }, at(6)).clock.dueAt).toEqual(at(30));
    const stopped = answered(started, 12, at(13)).clock;
    expect(answered(stopped, 12, at(14))).toMatchObject({ changed: false, effects: [] });
    expect(stop(stopped, { ...contact, kind: 'exited', at: at(50) }, at(51))).toMatchObject({ changed: false, effects: [] });
  });

  it('judges a late record (deadline passed on arrival) at once, flagged late, with no timer', () => {
    const { clock, effects } = queuedAt0(at(120));
    expect(effects).toEqual([{ kind: 'publish-breach' }]);
    expect(clock).toMatchObject({ late: true, breachedAt: at(120) });
    // Its answer then shows it was in time: withdrawn, never paged.
    expect(answered(clock, 10, at(121)).effects).toEqual([expect.objectContaining({ kind: 'publish-withdrawal' })]);
  });

  it('does not breach a late record whose answer, already known, was in time', () => {
    const first = answered(undefined, 10, at(120));
    const { clock, effects } = queuedAt0(at(121), first.clock);
    expect(effects).toEqual([]);
    expect(clock).toMatchObject({ late: true, breachedAt: null });
  });

  it('reads queue exits and answers off event types, and nothing off the rest', () => {
    expect(['contact.answered', 'contact.abandoned', 'contact.transferred', 'contact.ended', 'contact.queued'].map(stopKindOf)).toEqual([
      'answered',
      'abandoned',
      'exited',
      'exited',
      undefined,
    ]);
  });

  describe('warn points (opt-in per tenant)', () => {
    const warnedAt = (warnPoints: readonly number[], now = at(1), existing?: AnswerClock) => queue(existing, { ...contact, at: at(0), standard, warnPoints }, now);

    it('sets no warn timer and stores no warn point by default: the deadline timer alone', () => {
      const { clock, effects } = queuedAt0(at(1));
      expect(effects).toEqual([{ kind: 'set-timer', dueAt: at(30) }]);
      expect(clock).toMatchObject({ warnPoints: [], warnedPoint: null });
      expect(answered(clock, 12, at(13)).effects).toEqual([{ kind: 'cancel-timer' }]);
    });

    it('sets a timer per warn point, at its fraction of the answer time from the queued time', () => {
      const { clock, effects } = warnedAt([0.5, 0.8]);
      expect(clock.warnPoints).toEqual([0.5, 0.8]);
      expect(effects).toEqual([
        { kind: 'set-timer', dueAt: at(30) },
        { kind: 'set-warn-timer', point: 0.5, dueAt: at(15) },
        { kind: 'set-warn-timer', point: 0.8, dueAt: at(24) },
      ]);
    });

    it('warns a customer still waiting, once per point and in order, with the timer’s lateness', () => {
      const first = warnPointReached(warnedAt([0.5, 0.8]).clock, { point: 0.5, late: false }, at(15));
      expect(first).toMatchObject({ changed: true, effects: [{ kind: 'publish-warning', point: 0.5, late: false }] });
      expect(first.clock.warnedPoint).toBe(0.5);
      expect(warnPointReached(first.clock, { point: 0.5, late: false }, at(16))).toMatchObject({ changed: false, effects: [] });
      const second = warnPointReached(first.clock, { point: 0.8, late: true }, at(29));
      expect(second.effects).toEqual([{ kind: 'publish-warning', point: 0.8, late: true }]);
      expect(warnedPoints(second.clock)).toEqual([0.5, 0.8]);
      // An earlier point arriving after a later one says nothing new.
      expect(warnPointReached({ ...first.clock, warnedPoint: 0.8 }, { point: 0.5, late: false }, at(29)).changed).toBe(false);
    });

    it('cancels the warn timers still to come when the wait stops, and warns no stopped, breached or overdue clock', () => {
      const warned = warnPointReached(warnedAt([0.5, 0.8]).clock, { point: 0.5, late: false }, at(15)).clock;
      expect(answered(warned, 20, at(20)).effects).toEqual([{ kind: 'cancel-timer' }, { kind: 'cancel-warn-timer', point: 0.8 }]);
      const stopped = answered(warnedAt([0.5]).clock, 10, at(10)).clock;
      expect(warnPointReached(stopped, { point: 0.5, late: false }, at(15)).changed).toBe(false);
      const breached = deadlinePassed(warnedAt([0.5]).clock, { late: true }, at(40)).clock;
      expect(warnPointReached(breached, { point: 0.5, late: true }, at(40)).changed).toBe(false);
      expect(warnPointReached(warnedAt([0.5]).clock, { point: 0.5, late: true }, at(30)).changed).toBe(false);
      expect(warnPointReached(warnedAt([0.5]).clock, { point: 0.8, late: false }, at(24)).changed).toBe(false);
    });

    it('never warns a late contact (its deadline had passed on arrival) nor one whose stop came first', () => {
      const late = warnedAt([0.5], at(31));
      expect(late.effects).toEqual([{ kind: 'publish-breach' }]);
      expect(late.clock.warnPoints).toEqual([]);
      expect(warnPointReached(late.clock, { point: 0.5, late: false }, at(31)).changed).toBe(false);
      const stoppedFirst = warnedAt([0.5], at(11), answered(undefined, 10, at(11)).clock);
      expect(stoppedFirst.effects).toEqual([]);
    });
  });
});
