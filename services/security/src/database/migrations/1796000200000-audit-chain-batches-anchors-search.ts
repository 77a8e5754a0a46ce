import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit chain written in batches, anchored and searchable: each entry's position in its
 * tenant's chain, the hash version (existing entries keep version 1, which covers neither position,
 * actor nor subject), actor, subject and the event time as columns with indexes, and the signed
 * anchors. An event is identified by source and id, as the inbox does.
 */
export class AuditChainBatchesAnchorsSearch1796000200000 implements MigrationInterface {
  name = 'AuditChainBatchesAnchorsSearch1796000200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE security.audit_entries
        ADD COLUMN position bigint,
        ADD COLUMN hash_version smallint NOT NULL DEFAULT 1,
        ADD COLUMN actor text,
        ADD COLUMN subject text,
        ADD COLUMN occurred_time timestamptz`);
    await q.query(`
      UPDATE security.audit_entries e
      SET position = n.position,
          occurred_time = CASE WHEN e.occurred_at ~ '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$' THEN e.occurred_at::timestamptz END
      FROM (SELECT seq, row_number() OVER (PARTITION BY tenant_id ORDER BY seq) AS position FROM security.audit_entries) n
      WHERE e.seq = n.seq`);
    await q.query(`ALTER TABLE security.audit_entries ALTER COLUMN position SET NOT NULL, ALTER COLUMN hash_version DROP DEFAULT`);
    await q.query(`ALTER TABLE security.audit_entries ADD CONSTRAINT audit_entries_tenant_position UNIQUE (tenant_id, position)`);
    await q.query(`ALTER TABLE security.audit_entries DROP CONSTRAINT audit_entries_tenant_id_event_id_key`);
    await q.query(`ALTER TABLE security.audit_entries ADD CONSTRAINT audit_entries_tenant_source_event UNIQUE (tenant_id, source, event_id)`);
    await q.query(`CREATE INDEX audit_entries_tenant_actor_seq ON security.audit_entries (tenant_id, actor, seq) WHERE actor IS NOT NULL`);
    await q.query(`CREATE INDEX audit_entries_tenant_subject_seq ON security.audit_entries (tenant_id, subject, seq) WHERE subject IS NOT NULL`);
    await q.query(`CREATE INDEX audit_entries_tenant_type_seq ON security.audit_entries (tenant_id, type, seq)`);
    await q.query(`CREATE INDEX audit_entries_tenant_occurred_time ON security.audit_entries (tenant_id, occurred_time)`);
    await q.query(`
      CREATE TABLE security.audit_anchors (
        tenant_id text NOT NULL,
        position bigint NOT NULL,
        seq bigint NOT NULL,
        event_id text NOT NULL,
        hash text NOT NULL,
        signed_at timestamptz NOT NULL,
        prev_signature text NOT NULL,
        signature text NOT NULL,
        PRIMARY KEY (tenant_id, position)
      )`);
    await q.query(`CREATE INDEX audit_anchors_tenant_seq ON security.audit_anchors (tenant_id, seq)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE security.audit_anchors`);
    await q.query(`DROP INDEX security.audit_entries_tenant_actor_seq, security.audit_entries_tenant_subject_seq, security.audit_entries_tenant_type_seq, security.audit_entries_tenant_occurred_time`);
    await q.query(`ALTER TABLE security.audit_entries DROP CONSTRAINT audit_entries_tenant_source_event, DROP CONSTRAINT audit_entries_tenant_position`);
    await q.query(`ALTER TABLE security.audit_entries ADD CONSTRAINT audit_entries_tenant_id_event_id_key UNIQUE (tenant_id, event_id)`);
    await q.query(`ALTER TABLE security.audit_entries DROP COLUMN position, DROP COLUMN hash_version, DROP COLUMN actor, DROP COLUMN subject, DROP COLUMN occurred_time`);
  }
}
