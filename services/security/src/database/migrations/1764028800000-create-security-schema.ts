import type { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingTablesV1Sql } from '@hotline/messaging';

export class CreateSecuritySchema1764028800000 implements MigrationInterface {
  name = 'CreateSecuritySchema1764028800000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of messagingTablesV1Sql('security')) await q.query(sql);
    await q.query(`
      CREATE TABLE security.audit_entries (
        seq bigserial PRIMARY KEY,
        tenant_id text NOT NULL,
        event_id text NOT NULL,
        type text NOT NULL,
        source text NOT NULL,
        occurred_at text NOT NULL,
        payload_digest text NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, event_id)
      )`);
    await q.query(`CREATE INDEX audit_entries_tenant_seq ON security.audit_entries (tenant_id, seq)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE security.audit_entries, security.inbox, security.outbox`);
  }
}
