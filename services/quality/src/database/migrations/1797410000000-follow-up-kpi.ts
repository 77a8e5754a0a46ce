import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Follow-up completion (issue 11 part 1): each resolved case's follow-up facts and what it last
 * added to the KPI cells, and two counters in the cells (follow-ups settled, and met).
 */
export class FollowUpKpi1797410000000 implements MigrationInterface {
  name = 'FollowUpKpi1797410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE quality.case_follow_up_facts (
        tenant_id text NOT NULL,
        case_id text NOT NULL,
        facts jsonb,
        counted jsonb,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, case_id)
      )`);
    await q.query(`ALTER TABLE quality.kpi_cells ADD COLUMN follow_ups bigint NOT NULL DEFAULT 0, ADD COLUMN follow_ups_met bigint NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE quality.kpi_cells DROP COLUMN follow_ups, DROP COLUMN follow_ups_met`);
    await q.query(`DROP TABLE quality.case_follow_up_facts`);
  }
}
