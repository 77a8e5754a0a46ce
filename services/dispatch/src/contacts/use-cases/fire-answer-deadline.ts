import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Clock, FiredTimer, TimerBatchOutcome } from '@hotline/timers';
import { ANSWER_TIMER_KIND } from '../answer-verdicts';
import { ContactClocksRepository, contactKey } from '../contact-clocks.repository';
import { deadlinePassed } from '../domain/answer-clock';
import { type FiredClock, FiredClocks } from '../fired-clocks';
import { WALL_CLOCK } from '../wall-clock';

/**
 * Contacts' answer deadlines went off (`sla.answer` timers, a batch at a time): each customer still
 * waiting gets `sla.breached` in the outbox, in the timers' transaction. The clock rows are re-read
 * under lock, so a stop that committed first (and cancelled its timer too late) publishes nothing;
 * one a consumer holds is skipped and its timer put off a moment (busy), not failed.
 * Whatever the batch's size: one statement locks the clocks, one saves those that changed, one adds
 * their breaches to the outbox.
 */
@Injectable()
export class FireAnswerDeadline {
  constructor(
    private readonly clocks: ContactClocksRepository,
    private readonly firedClocks: FiredClocks,
    @Inject(WALL_CLOCK) private readonly clock: Clock,
  ) {}

  async execute(manager: EntityManager, timers: readonly FiredTimer[]): Promise<TimerBatchOutcome> {
    const refs = timers.map((timer) => ({ tenantId: timer.tenantId, contactId: timer.key }));
    const { locked, busy: busyClocks } = await this.clocks.lockManyForFiring(manager, refs);
    // A clock a consumer holds: its timer goes again in a moment, when the consumer has committed.
    const busy = busyClocks.map((ref) => ({ tenantId: ref.tenantId, kind: ANSWER_TIMER_KIND, key: ref.contactId }));
    const now = this.clock.now();
    const fired: FiredClock[] = [];
    for (const [index, timer] of timers.entries()) {
      const existing = locked.get(contactKey(refs[index]));
      if (!existing) continue;
      const outcome = deadlinePassed(existing, timer, now);
      if (outcome.changed) fired.push({ timer, outcome });
    }
    await this.firedClocks.commit(manager, fired);
    return { busy };
  }
}
