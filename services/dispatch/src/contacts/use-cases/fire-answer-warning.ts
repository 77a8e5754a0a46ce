import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Clock, FiredTimer, TimerBatchOutcome } from '@hotline/timers';
import { ANSWER_WARN_TIMER_KIND, parseWarnTimerKey } from '../answer-verdicts';
import { ContactClocksRepository, contactKey } from '../contact-clocks.repository';
import { warnPointReached } from '../domain/answer-clock';
import { type FiredClock, FiredClocks } from '../fired-clocks';
import { WALL_CLOCK } from '../wall-clock';

/**
 * Contacts' warn points went off (`sla.answer.warn` timers of tenants that opted in, a batch at a
 * time): each customer still waiting gets `sla.warned` in the outbox, in the timers' transaction,
 * under an id of its own warning (a re-run publishes the same event). As for deadlines, the clocks
 * are re-read under lock, and one a consumer holds is put off a moment (busy). One statement locks
 * the clocks, one saves those that warned, one adds the warnings to the outbox.
 */
@Injectable()
export class FireAnswerWarning {
  constructor(
    private readonly clocks: ContactClocksRepository,
    private readonly firedClocks: FiredClocks,
    @Inject(WALL_CLOCK) private readonly clock: Clock,
  ) {}

  async execute(manager: EntityManager, timers: readonly FiredTimer[]): Promise<TimerBatchOutcome> {
    const warnings = timers.map((timer) => ({ timer, ref: { tenantId: timer.tenantId, ...parseWarnTimerKey(timer.key) } }));
    const { locked, busy: busyClocks } = await this.clocks.lockManyForFiring(manager, warnings.map(({ ref }) => ref));
    const busyKeys = new Set(busyClocks.map(contactKey));
    const busy = warnings.filter(({ ref }) => busyKeys.has(contactKey(ref))).map(({ timer }) => ({ tenantId: timer.tenantId, kind: ANSWER_WARN_TIMER_KIND, key: timer.key }));
    const now = this.clock.now();
    const fired: FiredClock[] = [];
    // Two points of one contact in a batch (both fell due while dispatch was down): in order, each seeing the one before.
    for (const { timer, ref } of [...warnings].sort((a, b) => a.ref.point - b.ref.point)) {
      const existing = locked.get(contactKey(ref));
      if (!existing) continue;
      const outcome = warnPointReached(existing, { point: ref.point, late: timer.late }, now);
      if (!outcome.changed) continue;
      locked.set(contactKey(ref), outcome.clock);
      fired.push({ timer, outcome });
    }
    await this.firedClocks.commit(manager, fired);
    return { busy };
  }
}
