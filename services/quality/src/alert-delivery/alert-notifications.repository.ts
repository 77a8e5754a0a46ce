import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AlertNotification } from './domain/alert-notification';

/** Woken at the commit of every batch of notifications: the SSE tails of all replicas listen. */
export const ALERT_NOTIFICATIONS_CHANNEL = 'quality_alert_notifications';

/** One alert event to log. */
export interface AlertEventToLog {
  eventId: string;
  tenantId: string;
  type: string;
  alertId: string;
  occurredAt: Date;
  data: Record<string, unknown>;
}

type Row = { id: string; tenant_id: string; type: string; alert_id: string; occurred_at: Date; data: Record<string, unknown> };

const COLUMNS = 'id, tenant_id, type, alert_id, occurred_at, data';

const toNotification = (row: Row): AlertNotification => ({
  id: Number(row.id),
  tenantId: row.tenant_id,
  type: row.type,
  alertId: row.alert_id,
  occurredAt: new Date(row.occurred_at),
  data: row.data,
});

/** The notification log: one row per alert event and tenant, in id order. */
@Injectable()
export class AlertNotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Logs the events not logged before (an event id logs once, however often it is delivered) and
   * answers those, in id order. Writers take a transaction lock first, so ids commit in the order
   * they are drawn: a tail that has read up to id N never later finds a smaller id committed
   * behind it. Alerts are few; serialising their writes costs nothing that matters.
   */
  async logMany(manager: EntityManager, events: readonly AlertEventToLog[]): Promise<AlertNotification[]> {
    if (events.length === 0) return [];
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('quality.alert_notifications'))`);
    const rows: Row[] = await manager.query(
      `INSERT INTO quality.alert_notifications (tenant_id, event_id, type, alert_id, occurred_at, data)
       SELECT e.tenant_id, e.event_id, e.type, e.alert_id, e.occurred_at, e.data
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::jsonb[]) WITH ORDINALITY
         AS e(tenant_id, event_id, type, alert_id, occurred_at, data, n)
       ORDER BY e.n
       ON CONFLICT (tenant_id, event_id) DO NOTHING
       RETURNING ${COLUMNS}`,
      [
        events.map((e) => e.tenantId),
        events.map((e) => e.eventId),
        events.map((e) => e.type),
        events.map((e) => e.alertId),
        events.map((e) => e.occurredAt.toISOString()),
        events.map((e) => JSON.stringify(e.data)),
      ],
    );
    if (rows.length > 0) await manager.query(`SELECT pg_notify($1, '')`, [ALERT_NOTIFICATIONS_CHANNEL]);
    return rows.map(toNotification).sort((a, b) => a.id - b.id);
  }

  /** A tenant's notifications after `afterId`, oldest first: what a resuming stream missed. */
  async tenantAfter(tenantId: string, afterId: number, limit: number): Promise<AlertNotification[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM quality.alert_notifications WHERE tenant_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
      [tenantId, afterId, limit],
    );
    return rows.map(toNotification);
  }

  /** Every tenant's notifications after `afterId`, oldest first: what the live tail fans out. */
  async allAfter(afterId: number, limit: number): Promise<AlertNotification[]> {
    const rows: Row[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM quality.alert_notifications WHERE id > $1 ORDER BY id LIMIT $2`, [afterId, limit]);
    return rows.map(toNotification);
  }

  /** The newest id logged, 0 when none. */
  async lastId(): Promise<number> {
    const [row]: { id: string | null }[] = await this.dataSource.query(`SELECT max(id) AS id FROM quality.alert_notifications`);
    return Number(row?.id ?? 0);
  }
}
