import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FiredTimer } from '@hotline/timers';
import { CASES_CLOCK, type CasesClock } from '../../cases/cases-clock';
import { escalateOnTimeout } from '../domain/escalation';
import { EscalationEffects, type EscalationTimerPayload } from '../escalation-effects';
import { EscalationRepository } from '../escalation.repository';

/**
 * A paged level's wait ran out: the next level is paged in the timer's transaction. A timer that
 * fires twice, or after an acknowledgement or a newer level, finds nothing to do.
 */
@Injectable()
export class EscalateOnTimeout {
  constructor(
    private readonly escalations: EscalationRepository,
    private readonly effects: EscalationEffects,
    @Inject(CASES_CLOCK) private readonly clock: CasesClock,
  ) {}

  async execute(manager: EntityManager, timer: FiredTimer): Promise<void> {
    const { tenantId, key: caseId } = timer;
    const { level, correlationId } = timer.payload as Partial<EscalationTimerPayload>;
    const kase = await this.escalations.lockCase(manager, tenantId, caseId);
    if (!kase || level === undefined) return;
    const at = this.clock.now();
    const outcome = escalateOnTimeout(kase, await this.escalations.find(manager, tenantId, caseId), level, at);
    if (outcome) await this.effects.apply(manager, outcome, kase.escalationLevel, { tenantId, caseId, at, correlationId });
  }
}
