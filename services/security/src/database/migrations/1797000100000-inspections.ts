import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inspections (issue 12 part 4, MANUAL ch. 7.4): scheduled checklists per tenant, and the results
 * recorded against each due date. The overdue check is a durable timer (`inspection.due`).
 */
export class Inspections1797000100000 implements MigrationInterface {
  name = 'Inspections1797000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE security.inspections (
        tenant_id text NOT NULL,
        id text NOT NULL,
        title text NOT NULL,
        checklist jsonb NOT NULL,
        every text NOT NULL,
        owner_role text NOT NULL,
        first_due_at timestamptz NOT NULL,
        next_due_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`
      CREATE TABLE security.inspection_results (
        seq bigserial PRIMARY KEY,
        tenant_id text NOT NULL,
        inspection_id text NOT NULL,
        due_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL,
        actor jsonb NOT NULL,
        findings jsonb NOT NULL,
        FOREIGN KEY (tenant_id, inspection_id) REFERENCES security.inspections (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX inspection_results_inspection ON security.inspection_results (tenant_id, inspection_id, seq DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE security.inspection_results, security.inspections`);
  }
}
