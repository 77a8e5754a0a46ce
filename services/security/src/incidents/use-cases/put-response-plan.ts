import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { auditRecordedEvent } from '@hotline/contracts';
import { CorrelationContext, Outbox } from '@hotline/messaging';
import { TenantStandards } from '@hotline/tenant-standards';
import type { IncidentActor } from '../domain/incident';
import type { IncidentType } from '../domain/incident-state';
import { RESPONSE_PLANS } from '../domain/response-plans';
import { tenantPlan, type TenantPlanStepInput } from '../domain/tenant-response-plan';
import { type ResponsePlanResponse, toResponsePlanResponse } from '../response-plan-response';
import { ResponsePlansRepository } from '../response-plans.repository';

/**
 * Keeps a tenant's new version of the plan for an incident type, in force for incidents opened
 * from now on (open ones keep theirs), and publishes `audit.recorded`, in one transaction. Throws
 * TenantPlanInvalid, judging a regulatory step by the tenant's standards in force now.
 */
@Injectable()
export class PutResponsePlan {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: ResponsePlansRepository,
    private readonly standards: TenantStandards,
    private readonly outbox: Outbox,
  ) {}

  execute(tenantId: string, type: IncidentType, steps: readonly TenantPlanStepInput[], actor: IncidentActor): Promise<ResponsePlanResponse> {
    return this.dataSource.transaction(async (manager) => {
      const at = new Date();
      const inForce = await this.standards.resolve(tenantId, at);
      await this.plans.lock(manager, tenantId, type);
      const previous = await this.plans.latest(manager, tenantId, type);
      const version = (previous?.version ?? 0) + 1;
      const plan = tenantPlan(type, version, steps, (id) => inForce.standard(id).seconds);
      await this.plans.insert(manager, tenantId, { type, version, steps: [...plan.steps], createdAt: at, createdBy: actor });
      const audit = auditRecordedEvent({
        service: 'security',
        tenantId,
        actor,
        action: 'response_plan.put',
        subject: { type: 'response_plan', id: type },
        before: { version: previous ? String(previous.version) : 'built-in', steps: (previous?.steps ?? RESPONSE_PLANS[type].steps).map(({ id }) => id) },
        after: { version: plan.version, steps: plan.steps.map(({ id }) => id) },
        summary: `response plan ${type} version ${plan.version}`,
        correlationId: CorrelationContext.current()?.correlationId,
      });
      await this.outbox.add(manager, [audit]);
      return toResponsePlanResponse(plan, { at, by: actor });
    });
  }
}
