import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { newCloudEvent } from '@hotline/contracts';
import { Outbox } from '@hotline/messaging';
import type { Clock, FiredTimer } from '@hotline/timers';
import { type AnswerTimerPayload, ClockEffects } from '../clock-effects';
import { ContactClocksRepository } from '../contact-clocks.repository';
import { deadlinePassed } from '../domain/answer-clock';
import { WALL_CLOCK } from '../wall-clock';

/**
 * A contact's answer deadline went off (an `sla.answer` timer): if the customer is still waiting,
 * `sla.breached` goes to the outbox in the timer's transaction. The clock row is re-read under
 * lock, so a stop that committed first (and cancelled the timer too late) publishes nothing.
 */
@Injectable()
export class FireAnswerDeadline {
  constructor(
    private readonly clocks: ContactClocksRepository,
    private readonly effects: ClockEffects,
    private readonly outbox: Outbox,
    @Inject(WALL_CLOCK) private readonly clock: Clock,
  ) {}

  async execute(manager: EntityManager, timer: FiredTimer): Promise<void> {
    const existing = await this.clocks.lockForFiring(manager, timer.tenantId, timer.key);
    if (!existing) return;
    const outcome = deadlinePassed(existing, timer, this.clock.now());
    if (!outcome.changed) return;
    const { correlationId, causationId } = timer.payload as Partial<AnswerTimerPayload>;
    const verdicts = await this.effects.apply(manager, outcome);
    const events = verdicts.map((verdict) => newCloudEvent({ ...verdict, source: '/hotline/dispatch', tenantId: timer.tenantId, correlationId, causationId }));
    await this.clocks.saveWithEvents(manager, outcome.clock, this.outbox, events);
  }
}
