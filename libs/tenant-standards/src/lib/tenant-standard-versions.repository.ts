import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReceivedVersion } from './received-version';
import { TENANT_STANDARDS_OPTIONS, type TenantStandardsOptions } from './tenant-standards-options';

interface Row {
  tenant_id: string;
  version: string;
  effective_from: Date;
  standards: ReceivedVersion['standards'];
  received_at: Date;
}

/** SQL over `<schema>.tenant_standard_versions`. */
@Injectable()
export class TenantStandardVersionsRepository {
  private readonly table: string;

  constructor(@Inject(TENANT_STANDARDS_OPTIONS) options: TenantStandardsOptions) {
    this.table = `"${options.schema}".tenant_standard_versions`;
  }

  /** A tenant's versions, oldest effective first. */
  async list(manager: EntityManager, tenantId: string): Promise<ReceivedVersion[]> {
    const rows: Row[] = await manager.query(
      `SELECT tenant_id, version, effective_from, standards, received_at FROM ${this.table} WHERE tenant_id = $1 ORDER BY effective_from`,
      [tenantId],
    );
    return rows.map((row) => ({
      tenantId: row.tenant_id,
      version: row.version,
      effectiveFrom: row.effective_from.toISOString(),
      standards: row.standards,
      receivedAt: row.received_at.toISOString(),
    }));
  }

  async insert(manager: EntityManager, version: Omit<ReceivedVersion, 'receivedAt'>, eventId: string): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.table} (tenant_id, version, effective_from, standards, event_id) VALUES ($1, $2, $3, $4, $5)`,
      [version.tenantId, version.version, version.effectiveFrom, JSON.stringify(version.standards), eventId],
    );
  }
}
