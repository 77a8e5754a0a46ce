import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per contact's answer clock (contacts/domain/answer-clock). At 2,000 contacts/s some 60,000
 * are open at once; each row is written two or three times (queued, stopped, maybe breached) and
 * never grows, so pages keep room for HOT updates (fillfactor) and the primary key is the only index.
 */
export class CreateContactClocks1796000200000 implements MigrationInterface {
  name = 'CreateContactClocks1796000200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dispatch.contact_clocks (
        tenant_id text NOT NULL,
        contact_id text NOT NULL,
        queued_at timestamptz NULL,
        due_at timestamptz NULL,
        standard_id text NULL,
        standard_version text NULL,
        clause text NULL,
        late boolean NOT NULL DEFAULT false,
        stopped_by text NULL,
        stopped_at timestamptz NULL,
        breached_at timestamptz NULL,
        withdrawn_at timestamptz NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, contact_id)
      ) WITH (fillfactor = 80)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dispatch.contact_clocks`);
  }
}
