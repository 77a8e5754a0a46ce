import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tenants' standards versions (DESIGN decision 11), immutable once kept. One per (tenant, version),
 * and no two of a tenant's versions take effect at the same instant (consumers could not tell which
 * is in force).
 */
export class CreateStandardVersions1796000000000 implements MigrationInterface {
  name = 'CreateStandardVersions1796000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE intake.standard_versions (
        tenant_id text NOT NULL,
        version text NOT NULL,
        effective_from timestamptz NOT NULL,
        standards jsonb NOT NULL,
        event_id text NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, version),
        UNIQUE (tenant_id, effective_from)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE intake.standard_versions`);
  }
}
