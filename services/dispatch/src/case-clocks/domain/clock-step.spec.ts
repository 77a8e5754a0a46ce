import { builtInStandards, ResolvedStandards } from '@hotline/standards';
import { SlaClock, slaPolicyCatalogue } from '../../sla/domain';
import { LATE_AFTER_MS, stepClock } from './clock-step';
import { clockInputs, hasInput, restoreVerdict, signalInput, storeVerdict } from './stored-clock';

const MINUTE = 60_000;
const catalogue = slaPolicyCatalogue(new ResolvedStandards(builtInStandards));
const t0 = new Date('2026-03-02T08:00:00Z');
const after = (ms: number): Date => new Date(t0.getTime() + ms);
const standard = { standardId: 'network-fault-response', version: '1', clause: '2.2' };

describe('stepClock: a case clock judged at an instant', () => {
  const opened = SlaClock.create({ policy: catalogue['network-fault-response'] }).on('opened', t0);

  it('publishes nothing before the first warn point and wakes at it, with the open deadline', () => {
    const step = stepClock(opened, [], after(MINUTE));
    expect(step).toMatchObject({ publish: [], withdraw: [], published: [], status: 'running', breached: false });
    expect(step.nextAt).toEqual(after(7.5 * MINUTE));
    expect(step.openDeadline).toEqual({ policyId: 'network-fault-response', slaKind: 'response', dueAt: after(15 * MINUTE), standard });
    expect(step.timeline.map((entry) => [entry.event, entry.signal])).toEqual([['sla.started', 'opened']]);
  });

  it('publishes each warning once, live, and then wakes at the next instant up to the due time', () => {
    const first = stepClock(opened, [], after(7.5 * MINUTE));
    expect(first.publish).toEqual([{ verdict: expect.objectContaining({ key: 'run 1/warned@0.5' }), late: false }]);
    expect(first.nextAt).toEqual(after(12 * MINUTE));
    const again = stepClock(opened, first.published, after(7.5 * MINUTE));
    expect(again.publish).toEqual([]);
    const breach = stepClock(opened, stepClock(opened, first.published, after(12 * MINUTE)).published, after(15 * MINUTE));
    expect(breach.publish).toEqual([{ verdict: expect.objectContaining({ kind: 'breached', at: after(15 * MINUTE), standard }), late: false }]);
    expect(breach.breached).toBe(true);
    expect(breach.nextAt).toBeUndefined();
  });

  it('flags late what is judged past the threshold after its instant, or on a timer that fired late', () => {
    const backfill = stepClock(opened, [], after(15 * MINUTE + LATE_AFTER_MS + 1));
    expect(backfill.publish.map(({ verdict, late }) => [verdict.kind, late])).toEqual([
      ['warned', true],
      ['warned', true],
      ['breached', true],
    ]);
    expect(stepClock(opened, [], after(7.5 * MINUTE), { firedLate: true }).publish[0].late).toBe(true);
    expect(stepClock(opened, [], after(7.5 * MINUTE + LATE_AFTER_MS)).publish[0].late).toBe(false);
  });

  it('withdraws a breach a late stop took back, keeps the warning that still holds, and stops waking', () => {
    const breached = stepClock(opened, [], after(16 * MINUTE));
    const handled = opened.on('stage:handling', after(10 * MINUTE));
    const step = stepClock(handled, breached.published, after(17 * MINUTE));
    expect(step.withdraw.map((verdict) => verdict.key)).toEqual(['run 1/warned@0.8', 'run 1/breached']);
    expect(step.published.map((verdict) => verdict.key)).toEqual(['run 1/warned@0.5', 'run 1/stopped']);
    expect(step.publish).toEqual([{ verdict: expect.objectContaining({ kind: 'stopped', inTime: true, at: after(10 * MINUTE) }), late: true, countedMs: 10 * MINUTE }]);
    expect(step).toMatchObject({ status: 'stopped', breached: false });
    expect(step.nextAt ?? step.openDeadline).toBeUndefined();
  });

  it('publishes a stop once, saying whether it came in time, with the time its run counted', () => {
    const handled = opened.on('stage:handling', after(4 * MINUTE));
    const step = stepClock(handled, [], after(4 * MINUTE));
    expect(step.publish).toEqual([{ verdict: expect.objectContaining({ key: 'run 1/stopped', inTime: true }), late: false, countedMs: 4 * MINUTE }]);
    expect(stepClock(handled, step.published, after(5 * MINUTE)).publish).toEqual([]);

    const overdue = opened.on('stage:handling', after(20 * MINUTE));
    const late = stepClock(overdue, stepClock(opened, [], after(16 * MINUTE)).published, after(20 * MINUTE));
    expect(late.publish).toEqual([{ verdict: expect.objectContaining({ kind: 'stopped', inTime: false }), late: false, countedMs: 20 * MINUTE }]);
    expect(late.withdraw).toEqual([]);
    expect(late.breached).toBe(true);
  });

  it('does not wake a paused clock: it falls due only once resumed', () => {
    const repair = SlaClock.create({ policy: catalogue['fault-repair-town'] }).on('opened', t0).on('waiting_on_customer', after(MINUTE));
    const step = stepClock(repair, [], after(2 * MINUTE));
    expect(step.status).toBe('paused');
    expect(step.nextAt ?? step.openDeadline).toBeUndefined();
  });
});

describe('stored case clocks', () => {
  it('round-trips verdicts through JSON', () => {
    const [verdict] = stepClock(SlaClock.create({ policy: catalogue['network-fault-response'] }).on('opened', t0), [], after(8 * MINUTE)).published;
    expect(restoreVerdict(JSON.parse(JSON.stringify(storeVerdict(verdict))))).toEqual(verdict);
  });

  it('replays stored signals, knows a repeated one, and refuses what is not a signal', () => {
    const stored = [signalInput('opened', t0)];
    expect(clockInputs(stored)).toEqual([{ kind: 'signal', signal: 'opened', at: t0.getTime() }]);
    expect(hasInput(stored, signalInput('opened', t0))).toBe(true);
    expect(hasInput(stored, signalInput('opened', after(1)))).toBe(false);
    expect(() => clockInputs([{ kind: 'signal', signal: 'bogus' as never, at: 1 }])).toThrow('not a stored case clock input');
  });
});
