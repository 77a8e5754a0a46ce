import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReactionEvent } from '@hotline/messaging';
import { DurableTimers, type TimerRef, type TimerSpec } from '@hotline/timers';
import { ANSWER_TIMER_KIND, ANSWER_WARN_TIMER_KIND, breachedData, warnedData, warningEventId, warnTimerKey, withdrawnData } from './answer-verdicts';
import type { ClockOutcome } from './domain/answer-clock';

export type AnswerVerdictEvent = ReactionEvent<'sla.breached'> | ReactionEvent<'sla.withdrawn'> | ReactionEvent<'sla.warned'>;

/** Where a timer's handler publishes from: the correlation of the `contact.queued` that set it. */
export interface AnswerTimerPayload {
  correlationId: string;
  causationId: string;
}

/** An outcome, and the correlation a timer it sets keeps for the breach it may publish. */
export interface TimedOutcome {
  outcome: ClockOutcome;
  correlation?: AnswerTimerPayload;
}

/**
 * Carries out what outcomes ask, in the caller's transaction: the deadline and warn timers set or cancelled
 * with the row changes, and the verdict events to publish (returned: a consumer publishes them
 * through its transaction, the timer handler through the outbox).
 */
const timerId = (ref: TimerRef) => JSON.stringify([ref.tenantId, ref.kind, ref.key]);

@Injectable()
export class ClockEffects {
  constructor(private readonly timers: DurableTimers) {}

  /**
   * The outcomes' effects in order, with their timers set and cancelled in one statement:
   * each timer ends as its clock's last effect on it left it (a set then a cancel in one batch cancels).
   * Resolves with each outcome's verdicts.
   */
  async applyMany(manager: EntityManager, outcomes: readonly TimedOutcome[]): Promise<AnswerVerdictEvent[][]> {
    const sets = new Map<string, TimerSpec>();
    const cancels = new Map<string, TimerRef>();
    const verdicts = outcomes.map(({ outcome: { clock, effects }, correlation }) => {
      const set = (ref: TimerRef, dueAt: Date) => sets.set(timerId(ref), { ...ref, dueAt, payload: { ...correlation } });
      const cancel = (ref: TimerRef) => {
        sets.delete(timerId(ref));
        cancels.set(timerId(ref), ref);
      };
      const deadline = { tenantId: clock.tenantId, kind: ANSWER_TIMER_KIND, key: clock.contactId };
      const warnAt = (point: number) => ({ tenantId: clock.tenantId, kind: ANSWER_WARN_TIMER_KIND, key: warnTimerKey(clock.contactId, point) });
      const published: AnswerVerdictEvent[] = [];
      for (const effect of effects) {
        switch (effect.kind) {
          case 'set-timer':
            set(deadline, effect.dueAt);
            break;
          case 'cancel-timer':
            cancel(deadline);
            break;
          case 'set-warn-timer':
            set(warnAt(effect.point), effect.dueAt);
            break;
          case 'cancel-warn-timer':
            cancel(warnAt(effect.point));
            break;
          case 'publish-warning':
            published.push({ type: 'sla.warned', id: warningEventId(clock, effect.point), data: warnedData(clock, effect.point, effect.late) });
            break;
          case 'publish-breach':
            published.push({ type: 'sla.breached', data: breachedData(clock) });
            break;
          case 'publish-withdrawal':
            published.push({ type: 'sla.withdrawn', data: withdrawnData(clock, effect.reason) });
            break;
        }
      }
      return published;
    });
    // One statement: a timer cancelled then set again in the batch is set.
    await this.timers.changeMany(manager, { cancel: [...cancels.values()], set: [...sets.values()] });
    return verdicts;
  }
}
