import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DEFAULT_SCHEME, DEFAULT_SCHEME_VERSION, type ScorecardScheme, type VersionedScheme } from './domain/scheme';

/** A scheme version as kept: who put it and when (none for the default). */
export interface KeptScheme extends VersionedScheme {
  createdBy: string | null;
  createdAt: Date | null;
}

/** `quality.scorecard_schemes`: each tenant's scheme versions, 1, 2, …; the default (0) until the first. */
@Injectable()
export class SchemeRepository {
  async current(manager: EntityManager, tenantId: string): Promise<KeptScheme> {
    const rows: { version: number; scheme: ScorecardScheme; created_by: string; created_at: Date }[] = await manager.query(
      `SELECT version, scheme, created_by, created_at FROM quality.scorecard_schemes WHERE tenant_id = $1 ORDER BY version DESC LIMIT 1`,
      [tenantId],
    );
    const row = rows[0];
    if (!row) return { version: DEFAULT_SCHEME_VERSION, scheme: DEFAULT_SCHEME, createdBy: null, createdAt: null };
    return { version: row.version, scheme: row.scheme, createdBy: row.created_by, createdAt: new Date(row.created_at) };
  }

  /** Serialises a tenant's scheme writers until the transaction ends. */
  async lock(manager: EntityManager, tenantId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('scorecard_schemes|' || $1, 0))`, [tenantId]);
  }

  async insert(manager: EntityManager, tenantId: string, version: number, scheme: ScorecardScheme, createdBy: string): Promise<void> {
    await manager.query(`INSERT INTO quality.scorecard_schemes (tenant_id, version, scheme, created_by) VALUES ($1, $2, $3, $4)`, [tenantId, version, JSON.stringify(scheme), createdBy]);
  }
}
