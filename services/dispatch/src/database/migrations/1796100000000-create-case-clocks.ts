import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per SLA clock of a case (case-clocks/): a few per case, each replayed from its stored
 * signals under the policy its tenant's standards in force at `standards_at` give. The rest is what
 * the wiring derived last time, kept for reads and for the next step: the verdicts published, the
 * status, the next instant a timer wakes at, the open deadline, whether a breach stands, the
 * clock's timeline entries. The primary key serves every query (a case's clocks, `breached` filter).
 */
export class CreateCaseClocks1796100000000 implements MigrationInterface {
  name = 'CreateCaseClocks1796100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dispatch.case_clocks (
        tenant_id text NOT NULL,
        case_id text NOT NULL,
        policy_id text NOT NULL,
        standards_at timestamptz NOT NULL,
        standards_version text NOT NULL,
        inputs jsonb NOT NULL DEFAULT '[]',
        published jsonb NOT NULL DEFAULT '[]',
        status text NOT NULL DEFAULT 'idle',
        next_at timestamptz NULL,
        due_at timestamptz NULL,
        open_deadline jsonb NULL,
        breached boolean NOT NULL DEFAULT false,
        timeline jsonb NOT NULL DEFAULT '[]',
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, case_id, policy_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dispatch.case_clocks`);
  }
}
