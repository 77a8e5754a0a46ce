import type { EntityManager } from 'typeorm';
import type { DurableTimers, TimerRef, TimerSpec } from '@hotline/timers';
import { ClockEffects } from './clock-effects';
import { type AnswerClock, type ClockEffect, type ClockOutcome } from './domain/answer-clock';

/** Records what ClockEffects asks of the timers, in the order asked. */
class RecordingTimers {
  readonly calls: { op: 'changeMany'; cancel: readonly TimerRef[]; set: readonly TimerSpec[] }[] = [];
  async changeMany(_manager: EntityManager, change: { cancel: readonly TimerRef[]; set: readonly TimerSpec[] }): Promise<number> {
    this.calls.push({ op: 'changeMany', ...change });
    return change.cancel.length;
  }
}

const clock = (contactId: string): AnswerClock => ({
  tenantId: 'acme',
  contactId,
  queuedAt: new Date('2026-11-30T10:00:00Z'),
  dueAt: new Date('2026-11-30T10:00:30Z'),
  standard: { standardId: 'answer-time', standardVersion: 'acme:1@1', clause: '2.1' },
  late: false,
  stoppedBy: null,
  stoppedAt: null,
  breachedAt: null,
  withdrawnAt: null,
  warnPoints: [],
  warnedPoint: null,
});
const outcome = (contactId: string, ...effects: ClockEffect[]): ClockOutcome => ({ clock: clock(contactId), changed: true, effects });
const manager = {} as EntityManager;
const dueAt = new Date('2026-11-30T10:00:30Z');
const ref = (key: string) => ({ tenantId: 'acme', kind: 'sla.answer', key });

describe('ClockEffects.applyMany', () => {
  it('sets and cancels a batch’s timers in one call, each clock’s timer as its last effect left it', async () => {
    const timers = new RecordingTimers();
    const effects = new ClockEffects(timers as unknown as DurableTimers);
    const verdicts = await effects.applyMany(manager, [
      { outcome: outcome('queued-then-answered', { kind: 'set-timer', dueAt }), correlation: { correlationId: 'k1', causationId: 'e1' } },
      { outcome: outcome('queued', { kind: 'set-timer', dueAt }), correlation: { correlationId: 'k2', causationId: 'e2' } },
      { outcome: outcome('queued-then-answered', { kind: 'cancel-timer' }) },
      { outcome: outcome('answered', { kind: 'cancel-timer' }) },
      { outcome: outcome('late', { kind: 'publish-breach' }) },
    ]);
    expect(timers.calls).toEqual([
      {
        op: 'changeMany',
        cancel: [ref('queued-then-answered'), ref('answered')],
        set: [{ ...ref('queued'), dueAt, payload: { correlationId: 'k2', causationId: 'e2' } }],
      },
    ]);
    expect(verdicts.map((v) => v.map((e) => e.type))).toEqual([[], [], [], [], ['sla.breached']]);
  });

  it('sets a timer cancelled earlier in the same batch: cancelled and set again (changeMany then sets it)', async () => {
    const timers = new RecordingTimers();
    await new ClockEffects(timers as unknown as DurableTimers).applyMany(manager, [
      { outcome: outcome('c', { kind: 'cancel-timer' }) },
      { outcome: outcome('c', { kind: 'set-timer', dueAt }) },
    ]);
    expect(timers.calls).toEqual([{ op: 'changeMany', cancel: [ref('c')], set: [{ ...ref('c'), dueAt, payload: {} }] }]);
  });

  it('sets and cancels warn timers with the deadline’s, in the same call, and publishes a warning under its own id', async () => {
    const timers = new RecordingTimers();
    const warnAt = new Date('2026-11-30T10:00:15Z');
    const warnRef = (key: string) => ({ tenantId: 'acme', kind: 'sla.answer.warn', key });
    const warning = { ...clock('w'), warnPoints: [0.5], warnedPoint: 0.5 };
    const verdicts = await new ClockEffects(timers as unknown as DurableTimers).applyMany(manager, [
      { outcome: outcome('q', { kind: 'set-timer', dueAt }, { kind: 'set-warn-timer', point: 0.5, dueAt: warnAt }), correlation: { correlationId: 'k', causationId: 'e' } },
      { outcome: outcome('a', { kind: 'cancel-timer' }, { kind: 'cancel-warn-timer', point: 0.5 }) },
      { outcome: { clock: warning, changed: true, effects: [{ kind: 'publish-warning', point: 0.5, late: false }] } },
    ]);
    expect(timers.calls).toEqual([
      {
        op: 'changeMany',
        cancel: [ref('a'), warnRef('a@0.5')],
        set: [
          { ...ref('q'), dueAt, payload: { correlationId: 'k', causationId: 'e' } },
          { ...warnRef('q@0.5'), dueAt: warnAt, payload: { correlationId: 'k', causationId: 'e' } },
        ],
      },
    ]);
    expect(verdicts[2]).toEqual([
      {
        type: 'sla.warned',
        id: `sla.warned:contact:w:${Date.parse('2026-11-30T10:00:00Z')}:0.5`,
        data: expect.objectContaining({ subjectType: 'contact', subjectId: 'w', slaKind: 'answer', deadline: '2026-11-30T10:00:30.000Z', clause: '2.1', fraction: 0.5, late: false }),
      },
    ]);
  });
});
