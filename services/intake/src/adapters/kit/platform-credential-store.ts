import { Logger } from '@nestjs/common';
import type { ConfigService } from '@nestjs/config';
import type { DataSource } from 'typeorm';
import type { Outbox } from '@hotline/messaging';
import { CREDENTIALS_KEY_ENV, CredentialCipher, type PlatformConfig, resolveCredentialsKey } from '@hotline/platform';
import { type AdminActor, adminAuditEvent } from '../../tenants/admin-audit';

/**
 * A tenant's secret for one platform (Twilio's auth token, Help Scout's webhook secret key), kept
 * encrypted in intake.platform_credentials with HOTLINE_CREDENTIALS_KEY: written through the admin
 * API with its `audit.recorded` (never the secret), read to verify the platform's signature. Never
 * logged, never returned.
 */
export abstract class PlatformCredentialStore {
  private readonly logger: Logger;
  private readonly cipher: CredentialCipher;

  protected constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    platform: PlatformConfig,
    config: ConfigService,
    /** The row's `platform`, e.g. `twilio`. */
    private readonly platformName: string,
    /** What the secret is called in logs and audit summaries, e.g. `Twilio auth token`. */
    private readonly secretName: string,
  ) {
    this.logger = new Logger(new.target.name);
    // Throws (and so stops the start) when production has no key.
    const key = resolveCredentialsKey(config.get<string>(CREDENTIALS_KEY_ENV), platform.nodeEnv, 'intake');
    if (key.source === 'development') {
      this.logger.warn(`${CREDENTIALS_KEY_ENV} is not set: platform credentials are encrypted with a public development key`);
    }
    this.cipher = new CredentialCipher(key.key);
  }

  /** Stores it with its `audit.recorded` (that it was set or replaced, never the secret itself), in one transaction. */
  async set(tenantId: string, secret: string, actor: AdminActor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      // xmax is 0 on a freshly inserted row, the updating transaction's id on an upserted one.
      const [{ replaced }]: { replaced: boolean }[] = await manager.query(
        `INSERT INTO intake.platform_credentials (tenant_id, platform, secret_ciphertext) VALUES ($1, $2, $3)
         ON CONFLICT (tenant_id, platform) DO UPDATE SET secret_ciphertext = EXCLUDED.secret_ciphertext, updated_at = now()
         RETURNING xmax <> 0 AS replaced`,
        [tenantId, this.platformName, this.cipher.encrypt(secret, this.context(tenantId))],
      );
      const audit = adminAuditEvent({
        tenantId,
        actor,
        action: replaced ? 'credentials.replace' : 'credentials.set',
        subject: { type: 'platform_credentials', id: this.platformName },
        before: { set: replaced },
        after: { set: true },
        summary: `${this.secretName} ${replaced ? 'replaced' : 'set'}`,
      });
      await this.outbox.add(manager, [audit]);
    });
  }

  /** The tenant's secret; undefined when it has none, or it cannot be decrypted (logged: the key changed). */
  async get(tenantId: string): Promise<string | undefined> {
    const [row]: { secret_ciphertext: string }[] = await this.dataSource.query(
      `SELECT secret_ciphertext FROM intake.platform_credentials WHERE tenant_id = $1 AND platform = $2`,
      [tenantId, this.platformName],
    );
    if (!row) return undefined;
    const secret = this.cipher.decrypt(row.secret_ciphertext, this.context(tenantId));
    if (secret === undefined) {
      this.logger.error(`The stored ${this.secretName} of tenant ${tenantId} does not decrypt: was ${CREDENTIALS_KEY_ENV} changed?`);
    }
    return secret;
  }

  /** Bound into the ciphertext, so a row copied to another tenant or platform does not decrypt. */
  private context(tenantId: string): string {
    return `${tenantId}/${this.platformName}`;
  }
}
