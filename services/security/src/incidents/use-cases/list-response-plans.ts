import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { INCIDENT_TYPES, type IncidentType } from '../domain/incident-state';
import { RESPONSE_PLANS } from '../domain/response-plans';
import { encodePlanCursor } from '../response-plan-requests';
import { type ResponsePlanResponse, toResponsePlanResponse } from '../response-plan-response';
import { ResponsePlansRepository } from '../response-plans.repository';
import { storedPlan } from './plan-in-force';

/** The plan in force for each incident type (the tenant's latest version, or the built-in one), a page at a time in type order. */
@Injectable()
export class ListResponsePlans {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: ResponsePlansRepository,
  ) {}

  async execute(tenantId: string, page: { limit: number; after?: IncidentType }): Promise<{ items: ResponsePlanResponse[]; nextCursor: string | null }> {
    const tenants = await this.plans.latestOfEach(this.dataSource.manager, tenantId);
    const start = page.after ? INCIDENT_TYPES.indexOf(page.after) + 1 : 0;
    const types = INCIDENT_TYPES.slice(start, start + page.limit);
    const items = types.map((type) => {
      const stored = tenants.get(type);
      return stored ? toResponsePlanResponse(storedPlan(stored), { at: stored.createdAt, by: stored.createdBy }) : toResponsePlanResponse(RESPONSE_PLANS[type]);
    });
    const last = types.at(-1);
    return { items, nextCursor: last && start + types.length < INCIDENT_TYPES.length ? encodePlanCursor(last) : null };
  }

  /** The plan in force for one type. */
  async one(tenantId: string, type: IncidentType): Promise<ResponsePlanResponse> {
    const stored = await this.plans.latest(this.dataSource.manager, tenantId, type);
    return stored ? toResponsePlanResponse(storedPlan(stored), { at: stored.createdAt, by: stored.createdBy }) : toResponsePlanResponse(RESPONSE_PLANS[type]);
  }
}
