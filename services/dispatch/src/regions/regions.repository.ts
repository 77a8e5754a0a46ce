import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { regionKey, type RegionSetting } from './domain/region';

interface RawRegion {
  tenant_id: string;
  region: string;
  rural: boolean;
  updated_at: Date;
}

const toSetting = (row: RawRegion): RegionSetting => ({ tenantId: row.tenant_id, region: row.region, rural: row.rural, updatedAt: new Date(row.updated_at) });

/** A tenant's region settings, one row per region key; every query names the tenant. */
@Injectable()
export class RegionsRepository {
  /** The region's setting, locked until the transaction ends when `lock` (so two PUTs audit in turn). */
  async find(manager: EntityManager, tenantId: string, region: string, lock = false): Promise<RegionSetting | undefined> {
    const [row] = await manager.query(`SELECT tenant_id, region, rural, updated_at FROM dispatch.regions WHERE tenant_id = $1 AND region_key = $2${lock ? ' FOR UPDATE' : ''}`, [
      tenantId,
      regionKey(region),
    ]);
    return row ? toSetting(row as RawRegion) : undefined;
  }

  async save(manager: EntityManager, { tenantId, region, rural, updatedAt }: RegionSetting): Promise<void> {
    await manager.query(
      `INSERT INTO dispatch.regions (tenant_id, region_key, region, rural, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, region_key) DO UPDATE SET region = EXCLUDED.region, rural = EXCLUDED.rural, updated_at = EXCLUDED.updated_at`,
      [tenantId, regionKey(region), region, rural, updatedAt],
    );
  }
}
