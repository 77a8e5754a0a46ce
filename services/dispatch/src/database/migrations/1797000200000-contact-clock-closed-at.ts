import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a contact's answer clock was last changed while closed (wall clock; null while open), for the
 * retention job to find expired clocks by index rather than by scanning the whole table (some 500
 * million rows at 72 h and 2,000 contacts/s). Set by the stop and later changes only, so the queued
 * update stays HOT; the stop is the one update per contact the index costs. Closed clocks from
 * before get their last change (one pass over the table, at deploy).
 */
export class ContactClockClosedAt1797000200000 implements MigrationInterface {
  name = 'ContactClockClosedAt1797000200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dispatch.contact_clocks ADD COLUMN closed_at timestamptz NULL`);
    await q.query(`UPDATE dispatch.contact_clocks SET closed_at = updated_at WHERE stopped_by IS NOT NULL`);
    await q.query(`CREATE INDEX contact_clocks_closed_at ON dispatch.contact_clocks (closed_at) WHERE closed_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX dispatch.contact_clocks_closed_at`);
    await q.query(`ALTER TABLE dispatch.contact_clocks DROP COLUMN closed_at`);
  }
}
