import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Compliance with the deadline standards (MANUAL ch. 1.3, 8): one row per case deadline (tenant,
 * subject, SLA kind), merged from dispatch's `sla.breached`, `sla.stopped` and `sla.withdrawn`;
 * `outcome` is null while nothing is settled. `fact` keeps the merge's state and the event ids
 * behind the verdict (null on the moment a first verdict's row is created and locked). Reports read by tenant and `started_at` (the clock run's start).
 */
export class ComplianceFacts1797000000000 implements MigrationInterface {
  name = 'ComplianceFacts1797000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE quality.compliance_facts (
        tenant_id text NOT NULL,
        subject_type text NOT NULL,
        subject_id text NOT NULL,
        sla_kind text NOT NULL,
        started_at timestamptz,
        standard_id text,
        standard_version text,
        clause text,
        region text,
        outcome text CHECK (outcome IN ('met', 'breached')),
        caused_by_outage boolean NOT NULL DEFAULT false,
        event_ids text[] NOT NULL DEFAULT '{}',
        fact jsonb,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, subject_type, subject_id, sla_kind)
      )`);
    await q.query(`CREATE INDEX compliance_facts_by_start ON quality.compliance_facts (tenant_id, started_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE quality.compliance_facts`);
  }
}
