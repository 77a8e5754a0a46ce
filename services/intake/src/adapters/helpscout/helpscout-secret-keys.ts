import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CREDENTIALS_KEY_ENV, CredentialCipher, PlatformConfig, resolveCredentialsKey } from '@hotline/platform';

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
    platform: PlatformConfig,
    config: ConfigService,
  ) {
    // Throws (and so stops the start) when production has no key; the Twilio store warns about a development key.
    this.cipher = new CredentialCipher(resolveCredentialsKey(config.get<string>(CREDENTIALS_KEY_ENV), platform.nodeEnv, 'intake').key);
  }

  async set(tenantId: string, secretKey: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO intake.platform_credentials (tenant_id, platform, secret_ciphertext) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id, platform) DO UPDATE SET secret_ciphertext = EXCLUDED.secret_ciphertext, updated_at = now()`,
      [tenantId, PLATFORM, this.cipher.encrypt(secretKey, context(tenantId))],
    );
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
