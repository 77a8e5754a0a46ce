import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OpenOutage } from './domain/inhibition';

/** `quality.alert_outages`: the major outages dispatch declared, open or ended, as its audit records tell. */
@Injectable()
export class AlertOutagesRepository {
  async open(manager: EntityManager, tenantId: string): Promise<OpenOutage[]> {
    const rows: { outage_id: string; region: string }[] = await manager.query(
      `SELECT outage_id, region FROM quality.alert_outages WHERE tenant_id = $1 AND open ORDER BY outage_id`,
      [tenantId],
    );
    return rows.map((r) => ({ outageId: r.outage_id, region: r.region }));
  }

  async declared(manager: EntityManager, tenantId: string, outageId: string, region: string): Promise<void> {
    await manager.query(
      `INSERT INTO quality.alert_outages (tenant_id, outage_id, region, open) VALUES ($1, $2, $3, true) ON CONFLICT (tenant_id, outage_id) DO NOTHING`,
      [tenantId, outageId, region],
    );
  }

  /** Closes it; an end heard before its declaration leaves a closed row, so the late declaration opens nothing. */
  async ended(manager: EntityManager, tenantId: string, outageId: string): Promise<void> {
    await manager.query(
      `INSERT INTO quality.alert_outages (tenant_id, outage_id, region, open) VALUES ($1, $2, '', false)
       ON CONFLICT (tenant_id, outage_id) DO UPDATE SET open = false, changed_at = now()`,
      [tenantId, outageId],
    );
  }
}
