import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Complaints (MANUAL.md ch. 6): what a complaint adds to its case (`complaints`, one row from its
 * first update on, carrying the state the list filters by) and every step of its handling
 * (`complaint_entries`, written once, never changed). A case archived with its complaint is
 * immutable: `cases.archived_at`.
 */
export class CreateComplaints1796400000000 implements MigrationInterface {
  name = 'CreateComplaints1796400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dispatch.cases ADD COLUMN archived_at timestamptz NULL`);
    await q.query(`
      CREATE TABLE dispatch.complaints (
        tenant_id text NOT NULL,
        complaint_id text NOT NULL,
        case_id text NOT NULL,
        state text NOT NULL,
        acknowledged_at timestamptz NULL,
        awaiting_customer boolean NOT NULL DEFAULT false,
        resolved_at timestamptz NULL,
        feedback_at timestamptz NULL,
        archived_at timestamptz NULL,
        PRIMARY KEY (tenant_id, complaint_id),
        UNIQUE (tenant_id, case_id),
        FOREIGN KEY (tenant_id, case_id) REFERENCES dispatch.cases (tenant_id, case_id)
      )`);
    await q.query(`
      CREATE TABLE dispatch.complaint_entries (
        id bigserial PRIMARY KEY,
        tenant_id text NOT NULL,
        complaint_id text NOT NULL,
        kind text NOT NULL,
        at timestamptz NOT NULL,
        actor_id text NOT NULL,
        actor_kind text NOT NULL,
        actor_roles text[] NOT NULL DEFAULT '{}',
        detail jsonb NOT NULL DEFAULT '{}',
        FOREIGN KEY (tenant_id, complaint_id) REFERENCES dispatch.complaints (tenant_id, complaint_id)
      )`);
    await q.query(`CREATE INDEX complaint_entries_by_complaint ON dispatch.complaint_entries (tenant_id, complaint_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dispatch.complaint_entries, dispatch.complaints`);
    await q.query(`ALTER TABLE dispatch.cases DROP COLUMN archived_at`);
  }
}
