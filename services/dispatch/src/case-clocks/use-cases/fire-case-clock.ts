import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Clock, FiredTimer, TimerBatchOutcome, TimerRef } from '@hotline/timers';
import { CaseClocksRepository } from '../case-clocks.repository';
import { CASE_CLOCKS_NOW } from '../case-clocks-now';
import { type CaseTimerPayload, CaseClockSteps } from '../case-clock-steps';

/**
 * Case clocks' timers went off (`sla.case` timers, at a warn point or the due time), a batch at a
 * time: each clock is re-read under lock and replayed, what is due by now is published (flagged
 * late if the timer fired late), and the timer is set again for the next instant. A signal that
 * committed first (a stop that moved or cancelled the timer too late) leaves nothing to publish; a
 * clock another transaction holds is skipped and its timer put off a moment (busy), so one held
 * clock no longer fails its whole batch into one-by-one firing.
 */
@Injectable()
export class FireCaseClock {
  constructor(
    private readonly clocks: CaseClocksRepository,
    private readonly steps: CaseClockSteps,
    @Inject(CASE_CLOCKS_NOW) private readonly clock: Clock,
  ) {}

  async execute(manager: EntityManager, timers: readonly FiredTimer[]): Promise<TimerBatchOutcome> {
    const busy: TimerRef[] = [];
    for (const timer of timers) {
      const { caseId, policyId, correlationId, causationId } = timer.payload as Partial<CaseTimerPayload>;
      if (!caseId || !policyId) throw new Error(`case clock timer ${timer.key}: its payload names no case and policy`);
      const row = await this.clocks.lockForFiring(manager, timer.tenantId, caseId, policyId);
      if (row === 'busy') busy.push(timer);
      else if (row) await this.steps.advance(manager, row, row.inputs, this.clock.now(), { correlation: { correlationId, causationId }, fired: { late: timer.late } });
    }
    return { busy };
  }
}
