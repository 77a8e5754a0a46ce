import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Platform payloads as delivered (masked), kept for audit beside the events mapped from them. */
export class CreateDeliveries1764115200000 implements MigrationInterface {
  name = 'CreateDeliveries1764115200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE intake.deliveries (
        id bigserial PRIMARY KEY,
        tenant_id text NOT NULL,
        adapter text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        payload jsonb NOT NULL,
        event_ids text[] NOT NULL
      )`);
    await q.query(`CREATE INDEX deliveries_tenant_received ON intake.deliveries (tenant_id, received_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE intake.deliveries`);
  }
}
