import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SHA-256 of each kept event's canonical content (see ingest/domain/content-hash.ts), so a re-send
 * of its (tenant, source, id) with different content is told apart from a faithful one and reported
 * as a conflict. Rows kept before have none: a re-send of one is counted a duplicate.
 */
export class AddEventContentHash1795991875000 implements MigrationInterface {
  name = 'AddEventContentHash1795991875000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.events ADD COLUMN content_hash text NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.events DROP COLUMN content_hash`);
  }
}
