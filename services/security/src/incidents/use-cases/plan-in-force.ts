import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { IncidentType } from '../domain/incident-state';
import { RESPONSE_PLANS, type ResponsePlan } from '../domain/response-plans';
import { tenantPlanId } from '../domain/tenant-response-plan';
import { ResponsePlansRepository, type StoredPlan } from '../response-plans.repository';

/** The plan a tenant's new incident of a type runs: the tenant's latest version, else the built-in one. */
@Injectable()
export class PlanInForce {
  constructor(private readonly plans: ResponsePlansRepository) {}

  async execute(manager: EntityManager, tenantId: string, type: IncidentType): Promise<ResponsePlan> {
    const stored = await this.plans.latest(manager, tenantId, type);
    return stored ? storedPlan(stored) : RESPONSE_PLANS[type];
  }
}

export function storedPlan({ type, version, steps }: StoredPlan): ResponsePlan {
  return { id: tenantPlanId(type), version: String(version), type, source: 'tenant', steps };
}
