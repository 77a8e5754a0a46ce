import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseStage } from '../cases/domain/case-stage';
import { OPEN_STAGES, type Outage, type OutageKind, type OutageSeverity, type OutageState } from './domain/outage';

interface OutageRow {
  tenant_id: string;
  outage_id: string;
  region: string;
  severity: OutageSeverity;
  kind: OutageKind;
  description: string;
  state: OutageState;
  declared_at: Date;
  declared_by: string;
  ended_at: Date | null;
}

export interface AttachedCase {
  caseId: string;
  stage: CaseStage;
  attachedAt: Date;
}

export type OutageListKey = [declaredAt: string, outageId: string];

/** Where outages and their children are kept. */
@Injectable()
export class OutageRepository {
  /** Records the outage; false when it exists already (the same fault reported again). */
  async insertIfAbsent(manager: EntityManager, o: Outage): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO dispatch.outages (tenant_id, outage_id, region, severity, kind, description, state, declared_at, declared_by, ended_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING RETURNING 1`,
      [o.tenantId, o.outageId, o.region, o.severity, o.kind, o.description, o.state, o.declaredAt, o.declaredBy, o.endedAt],
    );
    return inserted.length === 1;
  }

  /**
   * Attaches the tenant's open cases in the outage's region that belong to no outage yet (nor
   * are an outage's parent); returns how many.
   */
  async attachOpenCases(manager: EntityManager, tenantId: string, outageId: string, region: string, at: Date): Promise<number> {
    const attached: unknown[] = await manager.query(
      `INSERT INTO dispatch.outage_cases (tenant_id, case_id, outage_id, attached_at)
       SELECT c.tenant_id, c.case_id, $2, $4 FROM dispatch.cases c
       WHERE c.tenant_id = $1 AND c.region = $3 AND c.stage = ANY($5::text[]) AND c.case_id <> $2
         AND NOT EXISTS (SELECT 1 FROM dispatch.outages o WHERE o.tenant_id = c.tenant_id AND o.outage_id = c.case_id)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [tenantId, outageId, region, at, OPEN_STAGES],
    );
    return attached.length;
  }

  /**
   * Attaches one case to the earliest open outage of its region, if any; the outage's id, or
   * undefined. FOR SHARE waits for a resolution under way, and then sees the outage is over.
   */
  async attachToOpenOutage(manager: EntityManager, tenantId: string, caseId: string, region: string, at: Date): Promise<string | undefined> {
    const [row]: { outage_id: string }[] = await manager.query(
      `INSERT INTO dispatch.outage_cases (tenant_id, case_id, outage_id, attached_at)
       SELECT tenant_id, $2, outage_id, $4 FROM dispatch.outages
       WHERE tenant_id = $1 AND region = $3 AND state = 'open' AND outage_id <> $2
       ORDER BY declared_at, outage_id LIMIT 1 FOR SHARE
       ON CONFLICT DO NOTHING RETURNING outage_id`,
      [tenantId, caseId, region, at],
    );
    return row?.outage_id;
  }

  /** The outage a case is attached to, if any. */
  async outageOf(manager: EntityManager, tenantId: string, caseId: string): Promise<string | undefined> {
    const [row]: { outage_id: string }[] = await manager.query(`SELECT outage_id FROM dispatch.outage_cases WHERE tenant_id = $1 AND case_id = $2`, [tenantId, caseId]);
    return row?.outage_id;
  }

  /** When and to which outage (region, severity) a case was attached, if it was: the case timeline's `outage` item. */
  async attachmentOf(manager: EntityManager, tenantId: string, caseId: string): Promise<{ outageId: string; attachedAt: Date; region: string; severity: OutageSeverity } | undefined> {
    const [row]: { outage_id: string; attached_at: Date; region: string; severity: OutageSeverity }[] = await manager.query(
      `SELECT a.outage_id, a.attached_at, o.region, o.severity FROM dispatch.outage_cases a
       JOIN dispatch.outages o ON o.tenant_id = a.tenant_id AND o.outage_id = a.outage_id
       WHERE a.tenant_id = $1 AND a.case_id = $2`,
      [tenantId, caseId],
    );
    return row && { outageId: row.outage_id, attachedAt: new Date(row.attached_at), region: row.region, severity: row.severity };
  }

  /** The outage, its row locked for the caller's transaction when `lock`. */
  async find(manager: EntityManager, tenantId: string, outageId: string, lock = false): Promise<Outage | undefined> {
    const [row]: OutageRow[] = await manager.query(`SELECT * FROM dispatch.outages WHERE tenant_id = $1 AND outage_id = $2${lock ? ' FOR UPDATE' : ''}`, [tenantId, outageId]);
    return row && toOutage(row);
  }

  async end(manager: EntityManager, tenantId: string, outageId: string, state: Exclude<OutageState, 'open'>, at: Date): Promise<void> {
    await manager.query(`UPDATE dispatch.outages SET state = $3, ended_at = $4 WHERE tenant_id = $1 AND outage_id = $2 AND state = 'open'`, [tenantId, outageId, state, at]);
  }

  /** The outage's children with their stages, oldest attached first; locked for the caller's transaction when `lock`. */
  async children(manager: EntityManager, tenantId: string, outageId: string, lock = false): Promise<AttachedCase[]> {
    const rows: { case_id: string; stage: CaseStage; attached_at: Date }[] = await manager.query(
      `SELECT c.case_id, c.stage, a.attached_at FROM dispatch.outage_cases a
       JOIN dispatch.cases c ON c.tenant_id = a.tenant_id AND c.case_id = a.case_id
       WHERE a.tenant_id = $1 AND a.outage_id = $2 ORDER BY a.attached_at, c.case_id${lock ? ' FOR UPDATE OF c' : ''}`,
      [tenantId, outageId],
    );
    return rows.map((r) => ({ caseId: r.case_id, stage: r.stage, attachedAt: r.attached_at }));
  }

  /** The outage a case is a child of, if that outage was open at `at`. */
  async covering(manager: EntityManager, tenantId: string, caseId: string, at: Date): Promise<string | undefined> {
    const [row]: { outage_id: string }[] = await manager.query(
      `SELECT o.outage_id FROM dispatch.outage_cases a JOIN dispatch.outages o ON o.tenant_id = a.tenant_id AND o.outage_id = a.outage_id
       WHERE a.tenant_id = $1 AND a.case_id = $2 AND o.declared_at <= $3 AND (o.ended_at IS NULL OR o.ended_at > $3)`,
      [tenantId, caseId, at],
    );
    return row?.outage_id;
  }

  /** A tenant's outages, latest declared first, after the key of the previous page. */
  async list(manager: EntityManager, tenantId: string, state: OutageState | undefined, limit: number, after?: OutageListKey): Promise<Outage[]> {
    const rows: OutageRow[] = await manager.query(
      `SELECT * FROM dispatch.outages WHERE tenant_id = $1 AND ($2::text IS NULL OR state = $2)
         AND ($3::timestamptz IS NULL OR (declared_at, outage_id) < ($3::timestamptz, $4::text))
       ORDER BY declared_at DESC, outage_id DESC LIMIT $5`,
      [tenantId, state ?? null, after ? new Date(after[0]) : null, after?.[1] ?? null, limit],
    );
    return rows.map(toOutage);
  }
}

function toOutage(row: OutageRow): Outage {
  return {
    tenantId: row.tenant_id,
    outageId: row.outage_id,
    region: row.region,
    severity: row.severity,
    kind: row.kind,
    description: row.description,
    state: row.state,
    declaredAt: row.declared_at,
    declaredBy: row.declared_by,
    endedAt: row.ended_at,
  };
}
