import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Outbox } from '@hotline/messaging';
import { CREDENTIALS_KEY_ENV, CredentialCipher, PlatformConfig, resolveCredentialsKey } from '@hotline/platform';
import { type AdminActor, adminAuditEvent } from '../../tenants/admin-audit';

const PLATFORM = 'helpscout';

/**
 * Each tenant's Help Scout webhook secret key, kept encrypted in intake.platform_credentials as
 * Twilio's auth tokens are (same key, HOTLINE_CREDENTIALS_KEY): written through the admin API,
 * read to verify X-HelpScout-Signature. Never logged, never returned.
 */
@Injectable()
export class HelpScoutSecretKeys {
  private readonly logger = new Logger(HelpScoutSecretKeys.name);
  private readonly cipher: CredentialCipher;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    platform: PlatformConfig,
    config: ConfigService,
  ) {
    // Throws (and so stops the start) when production has no key; the Twilio store warns about a development key.
    this.cipher = new CredentialCipher(resolveCredentialsKey(config.get<string>(CREDENTIALS_KEY_ENV), platform.nodeEnv, 'intake').key);
  }

  /** Stores it with its `audit.recorded` (that it was set or replaced, never the Help Scout secret key itself), in one transaction. */
  async set(tenantId: string, secretKey: string, actor: AdminActor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      // xmax is 0 on a freshly inserted row, the updating transaction's id on an upserted one.
      const [{ replaced }]: { replaced: boolean }[] = await manager.query(
        `INSERT INTO intake.platform_credentials (tenant_id, platform, secret_ciphertext) VALUES ($1, $2, $3)
         ON CONFLICT (tenant_id, platform) DO UPDATE SET secret_ciphertext = EXCLUDED.secret_ciphertext, updated_at = now()
         RETURNING xmax <> 0 AS replaced`,
        [tenantId, PLATFORM, this.cipher.encrypt(secretKey, context(tenantId))],
      );
      const audit = adminAuditEvent({
        tenantId,
        actor,
        action: replaced ? 'credentials.replace' : 'credentials.set',
        subject: { type: 'platform_credentials', id: PLATFORM },
        before: { set: replaced },
        after: { set: true },
        summary: `Help Scout secret key ${replaced ? 'replaced' : 'set'}`,
      });
      await this.outbox.add(manager, [audit]);
    });
  }

  /** The tenant's secret key; undefined when it has none, or it cannot be decrypted (logged: the key changed). */
  async get(tenantId: string): Promise<string | undefined> {
    const [row]: { secret_ciphertext: string }[] = await this.dataSource.query(
      `SELECT secret_ciphertext FROM intake.platform_credentials WHERE tenant_id = $1 AND platform = $2`,
      [tenantId, PLATFORM],
    );
    if (!row) return undefined;
    const secretKey = this.cipher.decrypt(row.secret_ciphertext, context(tenantId));
    if (secretKey === undefined) {
      this.logger.error(`The stored Help Scout secret key of tenant ${tenantId} does not decrypt: was ${CREDENTIALS_KEY_ENV} changed?`);
    }
    return secretKey;
  }
}

/** Bound into the ciphertext, so a row copied to another tenant or platform does not decrypt. */
function context(tenantId: string): string {
  return `${tenantId}/${PLATFORM}`;
}
