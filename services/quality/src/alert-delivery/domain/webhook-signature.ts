import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Standard Webhooks secrets are `whsec_` and the key in Base64; the key is what signs. */
const SECRET_PREFIX = 'whsec_';
/** 32 random bytes: the spec asks for between 24 and 64. */
const SECRET_BYTES = 32;

/** A new signing secret, `whsec_<base64 of 32 random bytes>`. */
export function newWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(SECRET_BYTES).toString('base64');
}

/** The key a secret stands for: its Base64 part decoded (the prefix is optional, as receivers' libraries take it). */
export function webhookKeyOf(secret: string): Buffer {
  return Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, 'base64');
}

export interface SignedContent {
  /** `webhook-id`: the message's id, the same on every retry. */
  id: string;
  /** `webhook-timestamp`: unix seconds of this attempt. */
  timestamp: number;
  /** The exact body sent. */
  body: string;
}

/**
 * The `webhook-signature` header of the Standard Webhooks convention: `v1,` and the Base64
 * HMAC-SHA256, under the decoded secret, of `{id}.{timestamp}.{body}`.
 */
export function signWebhook(secret: string, content: SignedContent): string {
  const mac = createHmac('sha256', webhookKeyOf(secret)).update(`${content.id}.${content.timestamp}.${content.body}`).digest('base64');
  return `v1,${mac}`;
}

/** Whether any `v1,` signature of a (space-separated) `webhook-signature` header matches: what a receiver checks. */
export function verifyWebhookSignature(secret: string, content: SignedContent, header: string): boolean {
  const expected = Buffer.from(signWebhook(secret, content));
  return header.split(' ').some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

/** The headers of one delivery attempt. */
export function webhookHeaders(secret: string, content: SignedContent): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  return { 'webhook-id': content.id, 'webhook-timestamp': String(content.timestamp), 'webhook-signature': signWebhook(secret, content) };
}
