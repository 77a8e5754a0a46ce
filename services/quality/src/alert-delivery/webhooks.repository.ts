import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** A registered webhook, without its secret. */
export interface Webhook {
  id: string;
  tenantId: string;
  url: string;
  /** The alert event types it takes; null for all. */
  events: string[] | null;
  description: string;
  createdBy: string;
  createdAt: Date;
}

type Row = { id: string; tenant_id: string; url: string; events: string[] | null; description: string; created_by: string; created_at: Date };

const toWebhook = (row: Row): Webhook => ({
  id: row.id,
  tenantId: row.tenant_id,
  url: row.url,
  events: row.events,
  description: row.description,
  createdBy: row.created_by,
  createdAt: new Date(row.created_at),
});

const COLUMNS = 'id, tenant_id, url, events, description, created_by, created_at';

/** Each tenant's webhooks; every query names the tenant. */
@Injectable()
export class WebhooksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, webhook: Omit<Webhook, 'createdAt'>, secretCiphertext: string): Promise<Webhook> {
    const [row]: Row[] = await manager.query(
      `INSERT INTO quality.webhooks (id, tenant_id, url, events, description, secret_ciphertext, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [webhook.id, webhook.tenantId, webhook.url, webhook.events, webhook.description, secretCiphertext, webhook.createdBy],
    );
    return toWebhook(row);
  }

  async list(tenantId: string): Promise<Webhook[]> {
    const rows: Row[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM quality.webhooks WHERE tenant_id = $1 ORDER BY created_at, id`, [tenantId]);
    return rows.map(toWebhook);
  }

  async exists(tenantId: string, id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM quality.webhooks WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    return rows.length > 0;
  }

  /** Removes it with its delivery log; deliveries still due find nothing to send. Answers what was removed, if anything. */
  async delete(manager: EntityManager, tenantId: string, id: string): Promise<Webhook | undefined> {
    // A bare DELETE … RETURNING answers [rows, count] through TypeORM; a SELECT over it answers rows.
    const [row]: Row[] = await manager.query(`WITH deleted AS (DELETE FROM quality.webhooks WHERE tenant_id = $1 AND id = $2 RETURNING ${COLUMNS}) SELECT * FROM deleted`, [tenantId, id]);
    return row ? toWebhook(row) : undefined;
  }
}
