import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type CloudEvent, newCloudEvent } from '@hotline/contracts';
import { Outbox } from '@hotline/messaging';
import type { FiredTimer } from '@hotline/timers';
import { type AnswerTimerPayload, ClockEffects } from './clock-effects';
import { ContactClocksRepository, contactKey } from './contact-clocks.repository';
import type { AnswerClock, ClockOutcome } from './domain/answer-clock';

/** A timer that went off and what it did to its clock. */
export interface FiredClock {
  timer: FiredTimer;
  outcome: ClockOutcome;
}

/**
 * What answer timers that went off (deadlines, warn points) leave behind, in the timers'
 * transaction: their timer effects, each contact's last state saved once, and their verdicts in the
 * outbox under the correlation of the `contact.queued` that set them.
 */
@Injectable()
export class FiredClocks {
  constructor(
    private readonly clocks: ContactClocksRepository,
    private readonly effects: ClockEffects,
    private readonly outbox: Outbox,
  ) {}

  async commit(manager: EntityManager, fired: readonly FiredClock[]): Promise<void> {
    if (fired.length === 0) return;
    const verdicts = await this.effects.applyMany(manager, fired.map(({ outcome }) => ({ outcome })));
    const events: CloudEvent[] = fired.flatMap(({ timer }, index) => {
      const { correlationId, causationId } = timer.payload as Partial<AnswerTimerPayload>;
      return verdicts[index].map((verdict) => newCloudEvent({ ...verdict, source: '/hotline/dispatch', tenantId: timer.tenantId, correlationId, causationId }));
    });
    // Each contact's last state once (one statement may not update a row twice).
    const saved = new Map<string, AnswerClock>(fired.map(({ outcome }) => [contactKey(outcome.clock), outcome.clock]));
    await this.clocks.saveMany(manager, [...saved.values()]);
    await this.outbox.add(manager, events);
  }
}
