import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReactionEvent } from '@hotline/messaging';
import { DurableTimers } from '@hotline/timers';
import { ANSWER_TIMER_KIND, breachedData, withdrawnData } from './answer-verdicts';
import type { ClockOutcome } from './domain/answer-clock';

export type AnswerVerdictEvent = ReactionEvent<'sla.breached'> | ReactionEvent<'sla.withdrawn'>;

/** Where the timer's handler publishes from: the correlation of the `contact.queued` that set it. */
export interface AnswerTimerPayload {
  correlationId: string;
  causationId: string;
}

/**
 * Carries out what an outcome asks, in the caller's transaction: the deadline timer set or
 * cancelled with the row change, and the verdict events to publish (returned: a consumer publishes
 * them through its EventTransaction, the timer handler through the outbox).
 */
@Injectable()
export class ClockEffects {
  constructor(private readonly timers: DurableTimers) {}

  async apply(manager: EntityManager, { clock, effects }: ClockOutcome, correlation?: AnswerTimerPayload): Promise<AnswerVerdictEvent[]> {
    const verdicts: AnswerVerdictEvent[] = [];
    const ref = { tenantId: clock.tenantId, kind: ANSWER_TIMER_KIND, key: clock.contactId };
    for (const effect of effects) {
      switch (effect.kind) {
        case 'set-timer':
          await this.timers.set(manager, { ...ref, dueAt: effect.dueAt, payload: { ...correlation } });
          break;
        case 'cancel-timer':
          await this.timers.cancel(manager, ref);
          break;
        case 'publish-breach':
          verdicts.push({ type: 'sla.breached', data: breachedData(clock) });
          break;
        case 'publish-withdrawal':
          verdicts.push({ type: 'sla.withdrawn', data: withdrawnData(clock, effect.reason) });
          break;
      }
    }
    return verdicts;
  }
}
