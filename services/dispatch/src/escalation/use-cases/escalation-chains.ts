import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CorrelationContext, Outbox } from '@hotline/messaging';
import { auditRecordedEvent } from '@hotline/contracts';
import { CASES_CLOCK, type CasesClock } from '../../cases/cases-clock';
import type { CaseActor } from '../../cases/domain/service-case';
import type { ChainPolicyId, EscalationStep } from '../domain/escalation-chain';
import { EscalationRepository } from '../escalation.repository';
import { type ChainResponse, toChainResponse } from '../escalation-response';

/**
 * A tenant's escalation chain per SLA policy: the built-in one until the tenant sets its own. A
 * change applies to climbs that start after it (a climb keeps the chain it started with) and is
 * audited with the steps before and after.
 */
@Injectable()
export class EscalationChains {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly escalations: EscalationRepository,
    private readonly outbox: Outbox,
    @Inject(CASES_CLOCK) private readonly clock: CasesClock,
  ) {}

  async get(tenantId: string, policyId: ChainPolicyId): Promise<ChainResponse> {
    return toChainResponse(await this.escalations.chain(this.dataSource.manager, tenantId, policyId));
  }

  put(tenantId: string, policyId: ChainPolicyId, steps: readonly EscalationStep[], actor: CaseActor): Promise<ChainResponse> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.escalations.chain(manager, tenantId, policyId);
      const at = this.clock.now();
      const after = await this.escalations.putChain(manager, tenantId, policyId, steps, actor.id, at);
      const audit = auditRecordedEvent({
        service: 'dispatch',
        tenantId,
        correlationId: CorrelationContext.current()?.correlationId,
        time: at,
        actor,
        action: 'escalation_chain.put',
        subject: { type: 'escalation_chain', id: policyId },
        before: { version: before.version, steps: before.steps.map((s) => `${s.role}:${s.waitSeconds}s`).join(' → ') },
        after: { version: after.version, steps: after.steps.map((s) => `${s.role}:${s.waitSeconds}s`).join(' → ') },
        summary: `escalation chain for ${policyId} set`,
      });
      await this.outbox.add(manager, [audit]);
      return toChainResponse(after);
    });
  }
}
