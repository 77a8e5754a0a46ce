import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The names Amazon Connect gives agents and queues, by ARN, learnt from each tenant's agent events:
 * its contact events name them only by ARN, while its contact records use the names.
 */
export class CreateConnectResourceNames1796600000000 implements MigrationInterface {
  name = 'CreateConnectResourceNames1796600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE intake.connect_resource_names (
        tenant_id text NOT NULL,
        arn text NOT NULL,
        name text NOT NULL,
        learnt_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, arn)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE intake.connect_resource_names`);
  }
}
