import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every change of a case's record (先处理后记录: `PATCH /v1/cases/:caseId/record`), with who, when
 * and what; keyed like transitions by the case version it produced, so a version is applied once.
 */
export class CreateCaseRecordChanges1796900000000 implements MigrationInterface {
  name = 'CreateCaseRecordChanges1796900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dispatch.case_record_changes (
        tenant_id text NOT NULL,
        case_id text NOT NULL,
        version integer NOT NULL,
        changes jsonb NOT NULL,
        record_complete boolean NOT NULL,
        actor_id text NOT NULL,
        actor_kind text NOT NULL,
        actor_roles text[] NOT NULL DEFAULT '{}',
        at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, case_id, version),
        FOREIGN KEY (tenant_id, case_id) REFERENCES dispatch.cases (tenant_id, case_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dispatch.case_record_changes`);
  }
}
