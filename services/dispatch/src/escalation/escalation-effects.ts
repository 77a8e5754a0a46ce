import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Outbox } from '@hotline/messaging';
import { DurableTimers } from '@hotline/timers';
import type { EscalationOutcome } from './domain/escalation';
import { escalationEntry } from './domain/escalation-entry';
import { type EscalationContext, escalatedEvents } from './domain/escalation-events';
import { EscalationRepository } from './escalation.repository';

/** The durable timer that pages a chain's next level; its key is the case id, its payload the level it was set for. */
export const ESCALATION_TIMER_KIND = 'escalation.step';

export interface EscalationTimerPayload {
  level: number;
  correlationId?: string;
}

/**
 * Applies a decision in the caller's transaction: the escalation row and its timeline entry, the case's level,
 * `case.escalated` (and the actor's `audit.recorded`) through the outbox, and the next level's
 * timer set or cancelled, so a rollback leaves none of it.
 */
@Injectable()
export class EscalationEffects {
  constructor(
    private readonly escalations: EscalationRepository,
    private readonly timers: DurableTimers,
    private readonly outbox: Outbox,
  ) {}

  async apply(manager: EntityManager, outcome: EscalationOutcome, levelBefore: number, context: EscalationContext): Promise<void> {
    const { escalation, raisedTo } = outcome;
    await this.escalations.save(manager, escalation);
    const entry = escalationEntry(outcome, context);
    if (entry) await this.escalations.addEntry(manager, entry);
    if (raisedTo) {
      await this.escalations.raiseCaseLevel(manager, escalation.tenantId, escalation.caseId, raisedTo.level, context.at);
      await this.outbox.add(manager, escalatedEvents(context, raisedTo, escalation.standard, levelBefore));
    }
    const ref = { tenantId: escalation.tenantId, kind: ESCALATION_TIMER_KIND, key: escalation.caseId };
    if (escalation.state === 'paging' && escalation.nextAt) {
      const payload: EscalationTimerPayload = { level: escalation.level, ...(context.correlationId && { correlationId: context.correlationId }) };
      await this.timers.set(manager, { ...ref, dueAt: escalation.nextAt, payload: { ...payload } });
    } else {
      await this.timers.cancel(manager, ref);
    }
  }
}
