import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case deadline breach rate (issue 11 part 1): the follow-up facts table now keeps every case
 * deadline's runs, and the cells count settled case deadlines, breached, and breached by an outage.
 * Rows kept before hold the follow-up run only and are read as such (no rescan).
 */
export class CaseDeadlineKpi1797420000000 implements MigrationInterface {
  name = 'CaseDeadlineKpi1797420000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE quality.case_follow_up_facts RENAME TO case_deadline_facts`);
    await q.query(
      `ALTER TABLE quality.kpi_cells ADD COLUMN case_deadlines bigint NOT NULL DEFAULT 0, ADD COLUMN case_deadlines_breached bigint NOT NULL DEFAULT 0, ADD COLUMN case_deadlines_breached_by_outage bigint NOT NULL DEFAULT 0`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE quality.kpi_cells DROP COLUMN case_deadlines, DROP COLUMN case_deadlines_breached, DROP COLUMN case_deadlines_breached_by_outage`);
    await q.query(`ALTER TABLE quality.case_deadline_facts RENAME TO case_follow_up_facts`);
  }
}
