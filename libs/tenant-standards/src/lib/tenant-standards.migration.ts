import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantStandardVersionsV1Sql } from './tenant-standard-versions-sql';

/** Each consumer's migration adding the table of tenants' standards versions (append it to the service's list). */
export function tenantStandardsMigration(schema: string): new () => MigrationInterface {
  return class CreateTenantStandardVersions1796000100000 implements MigrationInterface {
    name = 'CreateTenantStandardVersions1796000100000';

    async up(q: QueryRunner): Promise<void> {
      for (const sql of tenantStandardVersionsV1Sql(schema)) await q.query(sql);
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP TABLE "${schema}".tenant_standard_versions`);
    }
  };
}
