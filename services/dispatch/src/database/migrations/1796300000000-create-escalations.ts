import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Escalation chains (escalation/): one escalation per case, the chain it climbs copied in; the
 * breaches already seen (by what they timed and when it was due, so a re-sent breach escalates
 * once); and tenants' own chains per SLA policy.
 */
export class CreateEscalations1796300000000 implements MigrationInterface {
  name = 'CreateEscalations1796300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dispatch.escalations (
        tenant_id text NOT NULL,
        case_id text NOT NULL,
        policy_id text NOT NULL,
        steps jsonb NOT NULL,
        level integer NOT NULL,
        state text NOT NULL CHECK (state IN ('paging', 'acknowledged', 'stopped')),
        note text NULL,
        standard_id text NOT NULL,
        standard_version text NOT NULL,
        breach_key text NULL,
        next_at timestamptz NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, case_id)
      )`);
    await q.query(`
      CREATE TABLE dispatch.escalation_breaches (
        tenant_id text NOT NULL,
        case_id text NOT NULL,
        breach_key text NOT NULL,
        event_id text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, case_id, breach_key)
      )`);
    await q.query(`
      CREATE TABLE dispatch.escalation_chains (
        tenant_id text NOT NULL,
        policy_id text NOT NULL,
        steps jsonb NOT NULL,
        revision integer NOT NULL,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, policy_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dispatch.escalation_chains`);
    await q.query(`DROP TABLE dispatch.escalation_breaches`);
    await q.query(`DROP TABLE dispatch.escalations`);
  }
}
