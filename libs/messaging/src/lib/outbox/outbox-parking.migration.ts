import type { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingTablesV2Sql } from './messaging-tables';

/** Every service's migration to messaging tables v2 (parked outbox rows, inbox keyed by source and id). */
export function outboxParkingMigration(schema: string): new () => MigrationInterface {
  return class ParkUnpublishableOutboxRows1764400000000 implements MigrationInterface {
    name = 'ParkUnpublishableOutboxRows1764400000000';

    async up(q: QueryRunner): Promise<void> {
      for (const sql of messagingTablesV2Sql(schema)) await q.query(sql);
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query(`DELETE FROM "${schema}".inbox WHERE source <> ''`);
      await q.query(`ALTER TABLE "${schema}".inbox DROP CONSTRAINT inbox_pkey, DROP COLUMN source, ADD PRIMARY KEY (consumer, tenant_id, event_id)`);
      await q.query(`DROP TABLE "${schema}".outbox_parked`);
      await q.query(`ALTER TABLE "${schema}".outbox DROP COLUMN attempts, DROP COLUMN last_error`);
    }
  };
}
