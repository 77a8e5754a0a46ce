import { Logger, type Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PlatformConfig } from '@hotline/platform';
import { ANCHOR_KEY_ENV, CREDENTIALS_KEY_ENV, resolveAnchorKey } from './anchor-key';

/** Injection token of the anchors' HMAC key (a Buffer). */
export const AUDIT_ANCHOR_KEY = Symbol('AUDIT_ANCHOR_KEY');

export const auditAnchorKeyProvider: Provider = {
  provide: AUDIT_ANCHOR_KEY,
  inject: [PlatformConfig, ConfigService],
  useFactory: (platform: PlatformConfig, config: ConfigService): Buffer => {
    const resolved = resolveAnchorKey({
      anchorKey: config.get<string>(ANCHOR_KEY_ENV),
      credentialsKey: config.get<string>(CREDENTIALS_KEY_ENV),
      jwtSecret: platform.jwt.secret,
      nodeEnv: platform.nodeEnv,
    });
    if (resolved.source !== 'configured') {
      const from = resolved.source === 'credentials-key' ? CREDENTIALS_KEY_ENV : 'JWT_SECRET';
      const warning = `${ANCHOR_KEY_ENV} is not set: audit anchors are signed with a key derived from ${from}, and rotating it makes earlier anchors fail verification`;
      new Logger('AuditAnchorKey')[platform.nodeEnv === 'production' ? 'warn' : 'log'](warning);
    }
    return resolved.key;
  },
};
