import type { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingTablesV1Sql } from '@hotline/messaging';

export class CreateQualitySchema1764028800000 implements MigrationInterface {
  name = 'CreateQualitySchema1764028800000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of messagingTablesV1Sql('quality')) await q.query(sql);
    await q.query(`
      CREATE TABLE quality.contact_tallies (
        tenant_id text NOT NULL,
        queue text NOT NULL,
        day date NOT NULL,
        queued integer NOT NULL DEFAULT 0,
        answered integer NOT NULL DEFAULT 0,
        abandoned integer NOT NULL DEFAULT 0,
        ended integer NOT NULL DEFAULT 0,
        PRIMARY KEY (tenant_id, queue, day)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE quality.contact_tallies, quality.inbox, quality.outbox`);
  }
}
