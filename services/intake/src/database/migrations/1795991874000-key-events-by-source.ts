import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * CloudEvents identifies an event by `source` and `id` together: the same id from two sources is
 * two events, and keying by (tenant, id) alone dropped the second as a duplicate. Existing rows
 * keep their place (they were unique per id, so they are unique per source and id too).
 */
export class KeyEventsBySource1795991874000 implements MigrationInterface {
  name = 'KeyEventsBySource1795991874000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.events DROP CONSTRAINT events_pkey, ADD CONSTRAINT events_pkey PRIMARY KEY (tenant_id, source, event_id)`);
  }

  /** Fails (and changes nothing) once two sources have used one id: undoing it would lose one of them. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.events DROP CONSTRAINT events_pkey, ADD CONSTRAINT events_pkey PRIMARY KEY (tenant_id, event_id)`);
  }
}
