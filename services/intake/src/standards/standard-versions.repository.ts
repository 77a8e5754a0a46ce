import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { StandardVersion } from './domain/standard-version';

/** A kept version, with when it was published. */
export interface StandardVersionView extends StandardVersion {
  publishedAt: string;
}

interface Row {
  tenant_id: string;
  version: string;
  effective_from: Date;
  standards: StandardVersion['standards'];
  published_at: Date;
}

const COLUMNS = 'tenant_id, version, effective_from, standards, published_at';

/** SQL over `intake.standard_versions`, inside the caller's transaction or not. */
@Injectable()
export class StandardVersionsRepository {
  /** The tenant's versions in effective order, from after `cursor` (an effectiveFrom), at most `limit`. */
  async list(manager: EntityManager, tenantId: string, page?: { limit: number; after?: string }): Promise<StandardVersionView[]> {
    const rows: Row[] = await manager.query(
      `SELECT ${COLUMNS} FROM intake.standard_versions
       WHERE tenant_id = $1 AND ($2::timestamptz IS NULL OR effective_from > $2)
       ORDER BY effective_from LIMIT $3`,
      [tenantId, page?.after ?? null, page?.limit ?? null],
    );
    return rows.map(toView);
  }

  async find(manager: EntityManager, tenantId: string, version: string): Promise<StandardVersionView | undefined> {
    const rows: Row[] = await manager.query(`SELECT ${COLUMNS} FROM intake.standard_versions WHERE tenant_id = $1 AND version = $2`, [
      tenantId,
      version,
    ]);
    return rows.map(toView)[0];
  }

  async insert(manager: EntityManager, version: StandardVersion, eventId: string): Promise<StandardVersionView> {
    const rows: Row[] = await manager.query(
      `INSERT INTO intake.standard_versions (tenant_id, version, effective_from, standards, event_id)
       VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
      [version.tenantId, version.version, version.effectiveFrom, JSON.stringify(version.standards), eventId],
    );
    return toView(rows[0]);
  }

  /** Serializes PUTs for one tenant until the transaction ends, so two cannot both decide `created`. */
  async lockTenant(manager: EntityManager, tenantId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`hotline:standards:${tenantId}`]);
  }
}

function toView(row: Row): StandardVersionView {
  return {
    tenantId: row.tenant_id,
    version: row.version,
    effectiveFrom: row.effective_from.toISOString(),
    standards: row.standards,
    publishedAt: row.published_at.toISOString(),
  };
}
