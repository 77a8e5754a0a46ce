import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AlertNotification } from './domain/alert-notification';

/** A delivery created for a notification, to be sent by its timer. */
export interface QueuedDelivery {
  id: string;
  tenantId: string;
}

/** A pending delivery as its timer sends it: where, under which secret, what. */
export interface DueDelivery {
  id: string;
  tenantId: string;
  webhookId: string;
  url: string;
  secretCiphertext: string;
  attempts: number;
  notification: AlertNotification;
}

/** How one attempt went and what follows it. */
export interface AttemptRecord {
  deliveryId: string;
  attempt: number;
  attemptedAt: Date;
  durationMs: number;
  statusCode?: number;
  error?: string;
  /** Where the delivery is now: done, given up, or due again at `nextAttemptAt`. */
  status: 'succeeded' | 'failed' | 'pending';
  nextAttemptAt?: Date;
}

/** A delivery in the log, with every attempt. */
export interface DeliveryLogEntry {
  id: string;
  notificationId: string;
  eventType: string;
  alertId: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: { attempt: number; attemptedAt: Date; durationMs: number; statusCode: number | null; error: string | null }[];
  nextAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  settledAt: Date | null;
}

/** Webhook deliveries and their attempts. */
@Injectable()
export class WebhookDeliveriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One delivery per notification and webhook of its tenant that takes its type; a notification
   * queued before for a webhook is not queued again. Answers the deliveries created.
   */
  async queueFor(manager: EntityManager, notifications: readonly AlertNotification[]): Promise<QueuedDelivery[]> {
    if (notifications.length === 0) return [];
    const rows: { id: string; tenant_id: string }[] = await manager.query(
      `INSERT INTO quality.webhook_deliveries (id, tenant_id, webhook_id, notification_id, next_attempt_at)
       SELECT 'msg_' || replace(gen_random_uuid()::text, '-', ''), w.tenant_id, w.id, n.id, now()
       FROM unnest($1::bigint[], $2::text[], $3::text[]) AS n(id, tenant_id, type)
       JOIN quality.webhooks w ON w.tenant_id = n.tenant_id AND (w.events IS NULL OR n.type = ANY(w.events))
       ORDER BY n.id, w.created_at
       ON CONFLICT (webhook_id, notification_id) DO NOTHING
       RETURNING id, tenant_id`,
      [notifications.map((n) => n.id), notifications.map((n) => n.tenantId), notifications.map((n) => n.type)],
    );
    return rows.map((row) => ({ id: row.id, tenantId: row.tenant_id }));
  }

  /** The pending deliveries among `ids`, locked for this transaction; gone (webhook deleted) or settled ones are left out. */
  async lockPending(manager: EntityManager, ids: readonly string[]): Promise<DueDelivery[]> {
    if (ids.length === 0) return [];
    const rows: {
      id: string;
      tenant_id: string;
      webhook_id: string;
      url: string;
      secret_ciphertext: string;
      attempts: number;
      notification_id: string;
      type: string;
      alert_id: string;
      occurred_at: Date;
      data: Record<string, unknown>;
    }[] = await manager.query(
      `SELECT d.id, d.tenant_id, d.webhook_id, w.url, w.secret_ciphertext, d.attempts,
              n.id AS notification_id, n.type, n.alert_id, n.occurred_at, n.data
       FROM quality.webhook_deliveries d
       JOIN quality.webhooks w ON w.id = d.webhook_id AND w.tenant_id = d.tenant_id
       JOIN quality.alert_notifications n ON n.id = d.notification_id AND n.tenant_id = d.tenant_id
       WHERE d.id = ANY($1::text[]) AND d.status = 'pending'
       ORDER BY d.id
       FOR UPDATE OF d`,
      [ids],
    );
    return rows.map((row) => ({
      id: row.id,
      tenantId: row.tenant_id,
      webhookId: row.webhook_id,
      url: row.url,
      secretCiphertext: row.secret_ciphertext,
      attempts: Number(row.attempts),
      notification: {
        id: Number(row.notification_id),
        tenantId: row.tenant_id,
        type: row.type,
        alertId: row.alert_id,
        occurredAt: new Date(row.occurred_at),
        data: row.data,
      },
    }));
  }

  /** Logs the attempts and moves their deliveries on, in one statement each. */
  async record(manager: EntityManager, records: readonly AttemptRecord[]): Promise<void> {
    if (records.length === 0) return;
    const params = [
      records.map((r) => r.deliveryId),
      records.map((r) => r.attempt),
      records.map((r) => r.attemptedAt.toISOString()),
      records.map((r) => r.durationMs),
      records.map((r) => r.statusCode ?? null),
      records.map((r) => r.error ?? null),
      records.map((r) => r.status),
      records.map((r) => r.nextAttemptAt?.toISOString() ?? null),
    ];
    await manager.query(
      `WITH r AS (
         SELECT * FROM unnest($1::text[], $2::int[], $3::timestamptz[], $4::int[], $5::int[], $6::text[], $7::text[], $8::timestamptz[])
           AS r(delivery_id, attempt, attempted_at, duration_ms, status_code, error, status, next_attempt_at)
       ), logged AS (
         INSERT INTO quality.webhook_attempts (delivery_id, attempt, attempted_at, duration_ms, status_code, error)
         SELECT delivery_id, attempt, attempted_at, duration_ms, status_code, error FROM r
       )
       UPDATE quality.webhook_deliveries d
       SET attempts = r.attempt, status = r.status, next_attempt_at = r.next_attempt_at,
           last_status_code = r.status_code, last_error = r.error,
           settled_at = CASE WHEN r.status = 'pending' THEN NULL ELSE r.attempted_at END
       FROM r WHERE d.id = r.delivery_id`,
      params,
    );
  }

  /** A webhook's deliveries, newest first, each with its attempts. */
  async log(tenantId: string, webhookId: string, limit: number): Promise<DeliveryLogEntry[]> {
    const rows: {
      id: string;
      notification_id: string;
      type: string;
      alert_id: string;
      status: DeliveryLogEntry['status'];
      next_attempt_at: Date | null;
      last_status_code: number | null;
      last_error: string | null;
      created_at: Date;
      settled_at: Date | null;
      attempts: { attempt: number; attempted_at: string; duration_ms: number; status_code: number | null; error: string | null }[];
    }[] = await this.dataSource.query(
      `SELECT d.id, d.notification_id, n.type, n.alert_id, d.status, d.next_attempt_at, d.last_status_code, d.last_error, d.created_at, d.settled_at,
              coalesce((SELECT json_agg(json_build_object('attempt', a.attempt, 'attempted_at', a.attempted_at, 'duration_ms', a.duration_ms,
                                                          'status_code', a.status_code, 'error', a.error) ORDER BY a.attempt)
                        FROM quality.webhook_attempts a WHERE a.delivery_id = d.id), '[]') AS attempts
       FROM quality.webhook_deliveries d
       JOIN quality.alert_notifications n ON n.id = d.notification_id AND n.tenant_id = d.tenant_id
       WHERE d.tenant_id = $1 AND d.webhook_id = $2
       ORDER BY d.notification_id DESC, d.id
       LIMIT $3`,
      [tenantId, webhookId, limit],
    );
    return rows.map((row) => ({
      id: row.id,
      notificationId: String(row.notification_id),
      eventType: row.type,
      alertId: row.alert_id,
      status: row.status,
      attempts: row.attempts.map((a) => ({
        attempt: a.attempt,
        attemptedAt: new Date(a.attempted_at),
        durationMs: a.duration_ms,
        statusCode: a.status_code,
        error: a.error,
      })),
      nextAttemptAt: row.next_attempt_at,
      lastStatusCode: row.last_status_code,
      lastError: row.last_error,
      createdAt: row.created_at,
      settledAt: row.settled_at,
    }));
  }
}
