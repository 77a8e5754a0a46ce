import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bulk-read detection (issue 12 part 1): each audited read or export of customer records, kept once
 * (by its event's source and id), so one user's records are summed within the standard's window.
 */
export class RecordReads1797000000000 implements MigrationInterface {
  name = 'RecordReads1797000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE security.record_reads (
        tenant_id text NOT NULL,
        event_source text NOT NULL,
        event_id text NOT NULL,
        actor_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('read', 'export')),
        records integer NOT NULL CHECK (records >= 0),
        at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, event_source, event_id)
      )`);
    await q.query(`CREATE INDEX record_reads_window ON security.record_reads (tenant_id, actor_id, kind, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE security.record_reads`);
  }
}
