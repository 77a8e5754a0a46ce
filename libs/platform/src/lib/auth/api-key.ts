import { createHash, randomBytes } from 'node:crypto';

/** `hlk_<8-char id>_<43-char secret>`; the `hlk_<id>` prefix identifies a key without revealing it. */
const API_KEY_FORMAT = /^(hlk_[A-Za-z0-9]{8})_[A-Za-z0-9_-]{32,}$/;
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export interface GeneratedApiKey {
  /** Shown to its owner once, never stored. */
  key: string;
  prefix: string;
  hash: string;
}

export function generateApiKey(): GeneratedApiKey {
  const prefix = `hlk_${randomBase62(8)}`;
  const key = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, hash: hashApiKey(key) };
}

/**
 * Hex SHA-256. The keys are 256-bit random, not guessable passwords, so a fast unsalted hash is
 * safe, and it lets the key be found by its hash.
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** `hlk_<id>` for a well-formed key, else undefined. */
export function parseApiKeyPrefix(key: string): string | undefined {
  return API_KEY_FORMAT.exec(key)?.[1];
}

function randomBase62(length: number): string {
  let result = '';
  while (result.length < length) {
    for (const byte of randomBytes(length)) {
      // 248 = 4 × 62: taking only bytes below it keeps every character equally likely.
      if (byte < 248 && result.length < length) result += BASE62[byte % 62];
    }
  }
  return result;
}
