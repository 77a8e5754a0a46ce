import { createHash } from 'node:crypto';

export const CREDENTIALS_KEY_ENV = 'HOTLINE_CREDENTIALS_KEY';

/**
 * Where the key that encrypts secrets a service must use again (intake's platform credentials,
 * quality's webhook signing secrets) comes from:
 * - `configured`: HOTLINE_CREDENTIALS_KEY, 32 random bytes in Base64 (`openssl rand -base64 32`);
 * - `development`: unset outside production, a fixed key derived from a public string, so a fresh
 *   clone works and survives restarts, but protects nothing (a warning says so at start).
 * Unset in production, the service refuses to start: credentials at rest must never rely on luck.
 */
export type CredentialsKey = { source: 'configured' | 'development'; key: Buffer };

const DEVELOPMENT_KEY_SEED = 'hotline-development-credentials-key; never use in production';

/**
 * Throws when the variable is unset in production, or set but not 32 bytes of Base64: either must
 * stop the service at start, with the variable named.
 */
export function resolveCredentialsKey(value: string | undefined, nodeEnv: string, service: string): CredentialsKey {
  if (value === undefined || value.trim() === '') {
    if (nodeEnv === 'production') {
      throw new Error(`${CREDENTIALS_KEY_ENV} is not set: with NODE_ENV=production ${service} needs its own key (\`openssl rand -base64 32\`) to encrypt the secrets it keeps`);
    }
    return { source: 'development', key: createHash('sha256').update(DEVELOPMENT_KEY_SEED).digest() };
  }
  const text = value.trim();
  const key = Buffer.from(text, 'base64');
  // Buffer.from ignores what is not Base64; re-encoding catches a value that was not Base64 at all.
  if (key.length !== 32 || key.toString('base64').replace(/=+$/, '') !== text.replace(/=+$/, '')) {
    throw new Error(`${CREDENTIALS_KEY_ENV} must be 32 bytes in Base64 (e.g. the output of \`openssl rand -base64 32\`)`);
  }
  return { source: 'configured', key };
}
