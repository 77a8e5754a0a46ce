import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12; // GCM's recommended nonce size
const TAG_BYTES = 16;

/**
 * Encrypts secrets that must be usable again (a Twilio auth token computes the HMAC that verifies
 * Twilio's requests, a webhook secret signs our deliveries, so neither can be hashed like our API keys): AES-256-GCM with a random
 * nonce per secret. The `context` (e.g. tenant and platform) is bound as additional authenticated data,
 * so a ciphertext copied onto another tenant's row does not decrypt.
 *
 * Stored form: `v1.<nonce>.<tag>.<ciphertext>`, each Base64url; the version leaves room for key
 * rotation.
 */
export class CredentialCipher {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('The credentials key must be 32 bytes (AES-256)');
  }

  encrypt(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
  }

  /** The plaintext, or undefined when the ciphertext is malformed, tampered with, or under another key or context. */
  decrypt(stored: string, context: string): string | undefined {
    const [version, iv, tag, ciphertext, ...rest] = stored.split('.');
    if (version !== VERSION || iv === undefined || tag === undefined || ciphertext === undefined || rest.length > 0) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      return undefined;
    }
  }
}
