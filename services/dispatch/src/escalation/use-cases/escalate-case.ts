import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CorrelationContext } from '@hotline/messaging';
import { CASES_CLOCK, type CasesClock } from '../../cases/cases-clock';
import type { CaseActor } from '../../cases/domain/service-case';
import { escalateOnDemand } from '../domain/escalation';
import { EscalationEffects } from '../escalation-effects';
import { EscalationRepository } from '../escalation.repository';
import { type EscalationResponse, toEscalationResponse } from '../escalation-response';

export interface EscalateCommand {
  tenantId: string;
  caseId: string;
  reason: string;
  actor: CaseActor;
}

/**
 * A person raises a case one level: paged now, `case.escalated` and `audit.recorded` naming them,
 * in one transaction. A case under way keeps its chain; one never escalated climbs the default
 * chain, whose identity (`escalation-chain:default` at the chain's version) is the standard named.
 * Undefined for an unknown case; throws EscalationRefused (settled, top of chain).
 */
@Injectable()
export class EscalateCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly escalations: EscalationRepository,
    private readonly effects: EscalationEffects,
    @Inject(CASES_CLOCK) private readonly clock: CasesClock,
  ) {}

  execute({ tenantId, caseId, reason, actor }: EscalateCommand): Promise<EscalationResponse | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const kase = await this.escalations.lockCase(manager, tenantId, caseId);
      if (!kase) return undefined;
      const existing = await this.escalations.find(manager, tenantId, caseId);
      const policyId = existing?.policyId ?? 'default';
      const chain = await this.escalations.chain(manager, tenantId, policyId);
      const standard = { standardId: `escalation-chain:${policyId}`, standardVersion: chain.version };
      const at = this.clock.now();
      const outcome = escalateOnDemand(kase, existing, { tenantId, caseId, policyId, steps: chain.steps, standard }, reason, at);
      await this.effects.apply(manager, outcome, kase.escalationLevel, { tenantId, caseId, at, actor, correlationId: CorrelationContext.current()?.correlationId });
      return toEscalationResponse(caseId, outcome.raisedTo?.level ?? kase.escalationLevel, outcome.escalation);
    });
  }
}
