import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Response plans a tenant edits (MANUAL ch. 7): every PUT is a new version of the tenant's plan for
 * an incident type; the latest is in force for new incidents, and an incident keeps the steps it
 * opened with. A step's `after` (the steps it follows) is kept with the incident's steps.
 */
export class ResponsePlans1797500000000 implements MigrationInterface {
  name = 'ResponsePlans1797500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE security.response_plans (
        tenant_id text NOT NULL,
        incident_type text NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        steps jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        created_by jsonb NOT NULL,
        PRIMARY KEY (tenant_id, incident_type, version)
      )`);
    await q.query(`ALTER TABLE security.incident_steps ADD COLUMN after_steps text[] NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE security.incident_steps DROP COLUMN after_steps`);
    await q.query(`DROP TABLE security.response_plans`);
  }
}
