import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * KPIs kept incrementally: what quality knows of each contact (its facts, and the counters it last
 * added), and the counter sums per tenant × bucket × queue, team or agent × standard version they
 * are added to (the whole tenant is the sum of its queues); and each customer's contacts by time,
 * for first-contact resolution.
 */
export class KpiFactsAndCells1796500000000 implements MigrationInterface {
  name = 'KpiFactsAndCells1796500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE quality.contact_kpi_facts (
        tenant_id text NOT NULL,
        contact_id text NOT NULL,
        facts jsonb,
        counted jsonb,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, contact_id)
      )`);
    await q.query(`
      CREATE TABLE quality.kpi_cells (
        tenant_id text NOT NULL,
        bucket text NOT NULL CHECK (bucket IN ('15m', '1d')),
        group_by text NOT NULL CHECK (group_by IN ('queue', 'team', 'agent')),
        bucket_start timestamptz NOT NULL,
        group_key text NOT NULL,
        standard_version text NOT NULL,
        contacts bigint NOT NULL DEFAULT 0,
        offered bigint NOT NULL DEFAULT 0,
        answered bigint NOT NULL DEFAULT 0,
        answered_timed bigint NOT NULL DEFAULT 0,
        answered_in_target bigint NOT NULL DEFAULT 0,
        answer_wait_ms bigint NOT NULL DEFAULT 0,
        abandoned bigint NOT NULL DEFAULT 0,
        short_abandoned bigint NOT NULL DEFAULT 0,
        handled bigint NOT NULL DEFAULT 0,
        handle_ms bigint NOT NULL DEFAULT 0,
        after_contact_worked bigint NOT NULL DEFAULT 0,
        after_contact_work_ms bigint NOT NULL DEFAULT 0,
        transferred bigint NOT NULL DEFAULT 0,
        first_contact_eligible bigint NOT NULL DEFAULT 0,
        resolved_at_first_contact bigint NOT NULL DEFAULT 0,
        surveys bigint NOT NULL DEFAULT 0,
        survey_score bigint NOT NULL DEFAULT 0,
        satisfied bigint NOT NULL DEFAULT 0,
        complaints bigint NOT NULL DEFAULT 0,
        breached bigint NOT NULL DEFAULT 0,
        outage_breached bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (tenant_id, bucket, group_by, bucket_start, group_key, standard_version)
      )`);
    await q.query(`
      CREATE TABLE quality.customer_contacts (
        tenant_id text NOT NULL,
        customer_id text NOT NULL,
        contact_id text NOT NULL,
        at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, customer_id, contact_id)
      )`);
    await q.query(`CREATE INDEX customer_contacts_by_time ON quality.customer_contacts (tenant_id, customer_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE quality.customer_contacts, quality.kpi_cells, quality.contact_kpi_facts`);
  }
}
