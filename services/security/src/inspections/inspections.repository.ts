import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { IncidentActor } from '../incidents/domain/incident';
import type { Finding, InspectionOwnerRole } from './domain/inspection';

export interface InspectionRow {
  tenantId: string;
  id: string;
  title: string;
  checklist: string[];
  every: string;
  ownerRole: InspectionOwnerRole;
  firstDueAt: Date;
  nextDueAt: Date;
  updatedAt: Date;
}

export interface InspectionResult {
  dueAt: Date;
  recordedAt: Date;
  actor: IncidentActor;
  findings: Finding[];
}

const COLUMNS = `tenant_id AS "tenantId", id, title, checklist, every, owner_role AS "ownerRole",
  first_due_at AS "firstDueAt", next_due_at AS "nextDueAt", updated_at AS "updatedAt"`;

/** Inspections and their results; every query names the tenant. */
@Injectable()
export class InspectionsRepository {
  /** The inspection, locked for the rest of the transaction (a PUT, a result and the overdue timer take turns). */
  async findForUpdate(manager: EntityManager, tenantId: string, id: string): Promise<InspectionRow | undefined> {
    const [row] = await manager.query(`SELECT ${COLUMNS} FROM security.inspections WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [tenantId, id]);
    return row;
  }

  async lockNew(manager: EntityManager, tenantId: string, id: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`security.inspections|${tenantId}|${id}`]);
  }

  async save(manager: EntityManager, row: InspectionRow): Promise<void> {
    await manager.query(
      `INSERT INTO security.inspections (tenant_id, id, title, checklist, every, owner_role, first_due_at, next_due_at, updated_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9)
       ON CONFLICT (tenant_id, id) DO UPDATE SET title = excluded.title, checklist = excluded.checklist, every = excluded.every,
         owner_role = excluded.owner_role, first_due_at = excluded.first_due_at, next_due_at = excluded.next_due_at, updated_at = excluded.updated_at`,
      [row.tenantId, row.id, row.title, JSON.stringify(row.checklist), row.every, row.ownerRole, row.firstDueAt, row.nextDueAt, row.updatedAt],
    );
  }

  async list(manager: EntityManager, tenantId: string): Promise<InspectionRow[]> {
    return manager.query(`SELECT ${COLUMNS} FROM security.inspections WHERE tenant_id = $1 ORDER BY next_due_at, id`, [tenantId]);
  }

  async addResult(manager: EntityManager, tenantId: string, inspectionId: string, result: InspectionResult): Promise<void> {
    await manager.query(
      `INSERT INTO security.inspection_results (tenant_id, inspection_id, due_at, recorded_at, actor, findings) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)`,
      [tenantId, inspectionId, result.dueAt, result.recordedAt, JSON.stringify(result.actor), JSON.stringify(result.findings)],
    );
  }

  /** Each inspection's latest result, by inspection id. */
  async latestResults(manager: EntityManager, tenantId: string): Promise<Map<string, InspectionResult>> {
    const rows: (InspectionResult & { inspectionId: string })[] = await manager.query(
      `SELECT DISTINCT ON (inspection_id) inspection_id AS "inspectionId", due_at AS "dueAt", recorded_at AS "recordedAt", actor, findings
       FROM security.inspection_results WHERE tenant_id = $1 ORDER BY inspection_id, seq DESC`,
      [tenantId],
    );
    return new Map(rows.map(({ inspectionId, ...result }) => [inspectionId, result]));
  }
}
