import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cases through the manual's stages: what a case now holds (escalation level, record completeness,
 * assignee, category, a version for optimistic concurrency) and the record of every transition.
 * Existing cases were opened by `case.opened` with a summary: their record counts as complete.
 */
export class CaseStages1764460800000 implements MigrationInterface {
  name = 'CaseStages1764460800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE dispatch.cases
        ADD COLUMN category text NULL,
        ADD COLUMN escalation_level integer NOT NULL DEFAULT 0,
        ADD COLUMN record_complete boolean NOT NULL DEFAULT true,
        ADD COLUMN assignee_id text NULL,
        ADD COLUMN version integer NOT NULL DEFAULT 1`);
    // GET /v1/cases pages through a tenant's cases in this order.
    await q.query(`CREATE INDEX cases_by_opening ON dispatch.cases (tenant_id, opened_at, case_id)`);
    await q.query(`
      CREATE TABLE dispatch.case_transitions (
        tenant_id text NOT NULL,
        case_id text NOT NULL,
        version integer NOT NULL,
        from_stage text NOT NULL,
        to_stage text NOT NULL,
        actor_id text NOT NULL,
        actor_kind text NOT NULL,
        actor_roles text[] NOT NULL DEFAULT '{}',
        reason text NOT NULL,
        at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, case_id, version),
        FOREIGN KEY (tenant_id, case_id) REFERENCES dispatch.cases (tenant_id, case_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dispatch.case_transitions`);
    await q.query(`DROP INDEX dispatch.cases_by_opening`);
    await q.query(`
      ALTER TABLE dispatch.cases
        DROP COLUMN category, DROP COLUMN escalation_level, DROP COLUMN record_complete,
        DROP COLUMN assignee_id, DROP COLUMN version`);
  }
}
