import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Secrets a platform's requests are verified with (a Twilio auth token), one per tenant and
 * platform. They must be usable, so they are encrypted (AES-256-GCM, HOTLINE_CREDENTIALS_KEY), not hashed.
 */
export class CreatePlatformCredentials1764288417000 implements MigrationInterface {
  name = 'CreatePlatformCredentials1764288417000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE intake.platform_credentials (
        tenant_id text NOT NULL,
        platform text NOT NULL,
        secret_ciphertext text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, platform)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE intake.platform_credentials`);
  }
}
