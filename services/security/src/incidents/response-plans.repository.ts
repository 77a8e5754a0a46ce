import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { IncidentActor } from './domain/incident';
import type { IncidentType } from './domain/incident-state';
import type { PlanStep } from './domain/response-plans';

/** A version of a tenant's plan for an incident type, as kept. */
export interface StoredPlan {
  type: IncidentType;
  version: number;
  steps: PlanStep[];
  createdAt: Date;
  createdBy: IncidentActor;
}

interface PlanRow {
  incident_type: IncidentType;
  version: number;
  steps: PlanStep[];
  created_at: Date;
  created_by: IncidentActor;
}

const COLUMNS = 'incident_type, version, steps, created_at, created_by';

/** The versions of tenants' response plans; every query names the tenant. */
@Injectable()
export class ResponsePlansRepository {
  /** Serialises new versions of one tenant's plan for a type (transaction-scoped), so two PUTs cannot take the same number. */
  async lock(manager: EntityManager, tenantId: string, type: IncidentType): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`security.response_plans|${tenantId}|${type}`]);
  }

  /** The tenant's latest version for the type: the one in force for new incidents. */
  async latest(manager: EntityManager, tenantId: string, type: IncidentType): Promise<StoredPlan | undefined> {
    const rows: PlanRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM security.response_plans WHERE tenant_id = $1 AND incident_type = $2 ORDER BY version DESC LIMIT 1`,
      [tenantId, type],
    );
    return rows.map(toPlan)[0];
  }

  /** The tenant's latest version of each type it has replaced. */
  async latestOfEach(manager: EntityManager, tenantId: string): Promise<Map<IncidentType, StoredPlan>> {
    const rows: PlanRow[] = await manager.query(
      `SELECT DISTINCT ON (incident_type) ${COLUMNS} FROM security.response_plans WHERE tenant_id = $1 ORDER BY incident_type, version DESC`,
      [tenantId],
    );
    return new Map(rows.map((row) => [row.incident_type, toPlan(row)]));
  }

  async insert(manager: EntityManager, tenantId: string, plan: StoredPlan): Promise<void> {
    await manager.query(`INSERT INTO security.response_plans (tenant_id, incident_type, version, steps, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6)`, [
      tenantId,
      plan.type,
      plan.version,
      JSON.stringify(plan.steps),
      plan.createdAt,
      JSON.stringify(plan.createdBy),
    ]);
  }
}

function toPlan(row: PlanRow): StoredPlan {
  return { type: row.incident_type, version: Number(row.version), steps: row.steps, createdAt: new Date(row.created_at), createdBy: row.created_by };
}
