import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CREDENTIALS_KEY_ENV, CredentialCipher, PlatformConfig, resolveCredentialsKey } from '@hotline/platform';

/**
 * Webhook signing secrets at rest: they must sign every delivery, so they are encrypted (the
 * platform's AES-256-GCM cipher under HOTLINE_CREDENTIALS_KEY, as intake's Twilio tokens), bound to
 * their tenant and webhook so a ciphertext copied onto another row does not decrypt.
 */
@Injectable()
export class WebhookSecrets {
  private readonly logger = new Logger(WebhookSecrets.name);
  private readonly cipher: CredentialCipher;

  constructor(platform: PlatformConfig, config: ConfigService) {
    // Throws (and so stops the start) when production has no key.
    const key = resolveCredentialsKey(config.get<string>(CREDENTIALS_KEY_ENV), platform.nodeEnv, 'quality');
    if (key.source === 'development') this.logger.warn(`${CREDENTIALS_KEY_ENV} is not set: webhook secrets are encrypted with a public development key`);
    this.cipher = new CredentialCipher(key.key);
  }

  seal(tenantId: string, webhookId: string, secret: string): string {
    return this.cipher.encrypt(secret, context(tenantId, webhookId));
  }

  /** The secret, or undefined when it cannot be decrypted (the key changed, or the row was tampered with). */
  open(tenantId: string, webhookId: string, ciphertext: string): string | undefined {
    return this.cipher.decrypt(ciphertext, context(tenantId, webhookId));
  }
}

const context = (tenantId: string, webhookId: string) => `${tenantId}/webhooks/${webhookId}`;
