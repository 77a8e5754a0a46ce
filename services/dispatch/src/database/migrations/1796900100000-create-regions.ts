import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A tenant's regions it names rural (`PUT /v1/regions/:region`): a fault there is repaired within
 * 72 h, not the towns' 48 h. Keyed by the region's matching key (trimmed, lower case).
 */
export class CreateRegions1796900100000 implements MigrationInterface {
  name = 'CreateRegions1796900100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dispatch.regions (
        tenant_id text NOT NULL,
        region_key text NOT NULL,
        region text NOT NULL,
        rural boolean NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, region_key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dispatch.regions`);
  }
}
