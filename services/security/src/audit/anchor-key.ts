import { createHmac } from 'node:crypto';

export const ANCHOR_KEY_ENV = 'AUDIT_ANCHOR_KEY';
export const CREDENTIALS_KEY_ENV = 'HOTLINE_CREDENTIALS_KEY';

/**
 * The HMAC key anchors are signed with:
 * - `configured`: AUDIT_ANCHOR_KEY, at least 32 characters (e.g. `openssl rand -base64 32`);
 * - `credentials-key` / `jwt-secret`: derived from HOTLINE_CREDENTIALS_KEY, else JWT_SECRET, so a
 *   deployment is anchored without a new secret. Rotating that secret then makes every earlier
 *   anchor fail verification: production deployments should set AUDIT_ANCHOR_KEY.
 */
export interface AnchorKey {
  source: 'configured' | 'credentials-key' | 'jwt-secret';
  key: Buffer;
}

/**
 * Throws when AUDIT_ANCHOR_KEY is set but too short (a typo must stop the service at start), and in
 * production when neither it nor HOTLINE_CREDENTIALS_KEY is set: a key derived from JWT_SECRET may be
 * derived from its public default (allowed beside OIDC), and then anyone could sign anchors.
 */
export function resolveAnchorKey(env: { anchorKey?: string; credentialsKey?: string; jwtSecret: string; nodeEnv?: string }): AnchorKey {
  const configured = env.anchorKey?.trim();
  if (configured) {
    if (configured.length < 32) throw new Error(`${ANCHOR_KEY_ENV} must be at least 32 characters (e.g. the output of \`openssl rand -base64 32\`)`);
    return { source: 'configured', key: Buffer.from(configured, 'utf8') };
  }
  const credentials = env.credentialsKey?.trim();
  if (credentials) return { source: 'credentials-key', key: derive(credentials) };
  if (env.nodeEnv === 'production') {
    throw new Error(`${ANCHOR_KEY_ENV} (or ${CREDENTIALS_KEY_ENV}) must be set in production: audit anchors are not signed with a key derived from JWT_SECRET there`);
  }
  return { source: 'jwt-secret', key: derive(env.jwtSecret) };
}

/** A key of its own: an anchor signature reveals nothing usable as the secret it came from. */
function derive(secret: string): Buffer {
  return createHmac('sha256', secret).update('hotline audit anchors v1').digest();
}
