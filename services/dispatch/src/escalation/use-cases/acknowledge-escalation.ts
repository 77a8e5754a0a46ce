import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CorrelationContext, Outbox } from '@hotline/messaging';
import { CASES_CLOCK, type CasesClock } from '../../cases/cases-clock';
import type { CaseActor } from '../../cases/domain/service-case';
import { acknowledge } from '../domain/escalation';
import { acknowledgedEvents } from '../domain/escalation-events';
import { EscalationEffects } from '../escalation-effects';
import { EscalationRepository } from '../escalation.repository';
import { type EscalationResponse, toEscalationResponse } from '../escalation-response';

/**
 * The paged level takes the case on: the climb stops (its timer cancelled) and the acknowledgement
 * is audited, in one transaction. Acknowledging again answers the same and records nothing more.
 * Undefined for an unknown case; throws EscalationRefused when nothing is paging.
 */
@Injectable()
export class AcknowledgeEscalation {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly escalations: EscalationRepository,
    private readonly effects: EscalationEffects,
    private readonly outbox: Outbox,
    @Inject(CASES_CLOCK) private readonly clock: CasesClock,
  ) {}

  execute(tenantId: string, caseId: string, actor: CaseActor): Promise<EscalationResponse | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const kase = await this.escalations.lockCase(manager, tenantId, caseId);
      if (!kase) return undefined;
      const existing = await this.escalations.find(manager, tenantId, caseId);
      const at = this.clock.now();
      const acknowledged = acknowledge(existing, caseId, actor.id, at);
      if (acknowledged) {
        const context = { tenantId, caseId, at, actor, correlationId: CorrelationContext.current()?.correlationId };
        await this.effects.apply(manager, { escalation: acknowledged }, kase.escalationLevel, context);
        await this.outbox.add(manager, acknowledgedEvents(context, acknowledged.level));
      }
      return toEscalationResponse(caseId, kase.escalationLevel, acknowledged ?? existing);
    });
  }
}
