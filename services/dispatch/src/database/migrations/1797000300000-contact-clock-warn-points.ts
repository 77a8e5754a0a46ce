import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A contact's answer clock keeps the warn points it was queued with (its tenant opted in, ADR 7)
 * and the last one published. Both null for a clock that does not warn (the default): no rewrite of
 * existing rows, and the no-warning path stores nothing more than before.
 */
export class ContactClockWarnPoints1797000300000 implements MigrationInterface {
  name = 'ContactClockWarnPoints1797000300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dispatch.contact_clocks ADD COLUMN warn_points jsonb NULL, ADD COLUMN warned_point double precision NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dispatch.contact_clocks DROP COLUMN warn_points, DROP COLUMN warned_point`);
  }
}
