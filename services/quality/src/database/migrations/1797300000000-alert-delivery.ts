import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alert delivery (issue 11 part 4). `alert_notifications` logs each alert event once per tenant
 * (unique event id); its `id` is the SSE event id clients resume from. `webhooks` keep their
 * signing secret encrypted (HOTLINE_CREDENTIALS_KEY); each notification a webhook takes is one
 * `webhook_deliveries` row (its id is the `webhook-id` header) with one `webhook_attempts` row a try.
 */
export class AlertDelivery1797300000000 implements MigrationInterface {
  name = 'AlertDelivery1797300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE quality.alert_notifications (
        id bigserial PRIMARY KEY,
        tenant_id text NOT NULL,
        event_id text NOT NULL,
        type text NOT NULL,
        alert_id text NOT NULL,
        data jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        logged_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, event_id)
      )`);
    await q.query(`CREATE INDEX alert_notifications_tenant_id ON quality.alert_notifications (tenant_id, id)`);
    await q.query(`
      CREATE TABLE quality.webhooks (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        url text NOT NULL,
        events text[],
        description text NOT NULL,
        secret_ciphertext text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX webhooks_tenant ON quality.webhooks (tenant_id)`);
    await q.query(`
      CREATE TABLE quality.webhook_deliveries (
        id text PRIMARY KEY,
        tenant_id text NOT NULL,
        webhook_id uuid NOT NULL REFERENCES quality.webhooks (id) ON DELETE CASCADE,
        notification_id bigint NOT NULL REFERENCES quality.alert_notifications (id),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        last_status_code integer,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        settled_at timestamptz,
        UNIQUE (webhook_id, notification_id)
      )`);
    await q.query(`CREATE INDEX webhook_deliveries_log ON quality.webhook_deliveries (tenant_id, webhook_id, notification_id DESC)`);
    await q.query(`
      CREATE TABLE quality.webhook_attempts (
        delivery_id text NOT NULL REFERENCES quality.webhook_deliveries (id) ON DELETE CASCADE,
        attempt integer NOT NULL,
        attempted_at timestamptz NOT NULL,
        duration_ms integer NOT NULL,
        status_code integer,
        error text,
        PRIMARY KEY (delivery_id, attempt)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE quality.webhook_attempts`);
    await q.query(`DROP TABLE quality.webhook_deliveries`);
    await q.query(`DROP TABLE quality.webhooks`);
    await q.query(`DROP TABLE quality.alert_notifications`);
  }
}
