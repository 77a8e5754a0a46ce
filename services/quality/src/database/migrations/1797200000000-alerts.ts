import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live alerts (MANUAL 5.2): tenants' rules, the per-minute windows they judge (and the per-contact
 * queue outcomes that feed them), alerts with their history, silences, and the open outages that
 * inhibit. At most one open alert per rule and scope (the partial unique index).
 */
export class Alerts1797200000000 implements MigrationInterface {
  name = 'Alerts1797200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE quality.alert_rules (
        tenant_id text NOT NULL,
        rule_id text NOT NULL,
        rule jsonb NOT NULL,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, rule_id)
      )`);
    await q.query(`
      CREATE TABLE quality.alert_queue_outcomes (
        tenant_id text NOT NULL,
        contact_id text NOT NULL,
        outcome jsonb NOT NULL,
        counted jsonb NOT NULL DEFAULT '[]',
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, contact_id)
      )`);
    await q.query(`CREATE INDEX alert_queue_outcomes_updated ON quality.alert_queue_outcomes (updated_at)`);
    await q.query(`
      CREATE TABLE quality.alert_minutes (
        tenant_id text NOT NULL,
        scope text NOT NULL,
        minute timestamptz NOT NULL,
        queued integer NOT NULL DEFAULT 0,
        offered integer NOT NULL DEFAULT 0,
        in_target integer NOT NULL DEFAULT 0,
        abandoned integer NOT NULL DEFAULT 0,
        region text,
        PRIMARY KEY (tenant_id, scope, minute)
      )`);
    await q.query(`CREATE INDEX alert_minutes_minute ON quality.alert_minutes (minute)`);
    await q.query(`
      CREATE TABLE quality.alerts (
        seq bigserial UNIQUE,
        alert_id text PRIMARY KEY,
        tenant_id text NOT NULL,
        rule_id text NOT NULL,
        scope text NOT NULL,
        state text NOT NULL CHECK (state IN ('raised', 'acknowledged', 'resolved')),
        group_key text NOT NULL,
        body jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX alerts_one_open ON quality.alerts (tenant_id, rule_id, scope) WHERE state <> 'resolved'`);
    await q.query(`CREATE INDEX alerts_open_group ON quality.alerts (tenant_id, group_key) WHERE state <> 'resolved'`);
    await q.query(`CREATE INDEX alerts_tenant_seq ON quality.alerts (tenant_id, seq DESC)`);
    await q.query(`
      CREATE TABLE quality.alert_history (
        seq bigserial PRIMARY KEY,
        tenant_id text NOT NULL,
        alert_id text NOT NULL REFERENCES quality.alerts (alert_id),
        at timestamptz NOT NULL,
        kind text NOT NULL,
        actor jsonb,
        detail jsonb,
        published text
      )`);
    await q.query(`CREATE INDEX alert_history_alert ON quality.alert_history (tenant_id, alert_id, seq)`);
    await q.query(`
      CREATE TABLE quality.alert_silences (
        seq bigserial UNIQUE,
        silence_id text PRIMARY KEY,
        tenant_id text NOT NULL,
        matchers jsonb NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        reason text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expired_at timestamptz,
        expired_by text
      )`);
    await q.query(`CREATE INDEX alert_silences_tenant_end ON quality.alert_silences (tenant_id, ends_at)`);
    await q.query(`
      CREATE TABLE quality.alert_outages (
        tenant_id text NOT NULL,
        outage_id text NOT NULL,
        region text NOT NULL,
        open boolean NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, outage_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['alert_outages', 'alert_silences', 'alert_history', 'alerts', 'alert_minutes', 'alert_queue_outcomes', 'alert_rules']) {
      await q.query(`DROP TABLE quality.${table}`);
    }
  }
}
