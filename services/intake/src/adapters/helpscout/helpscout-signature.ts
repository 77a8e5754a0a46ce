import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Help Scout's webhook signature (https://developer.helpscout.com/webhooks/): Base64(HMAC-SHA1(the
 * webhook's secret key, the request body exactly as sent)). Computed over the raw bytes: a body
 * parsed and serialised again need not be the same bytes.
 */
export function helpScoutSignature(secretKey: string, body: Buffer): string {
  return createHmac('sha1', secretKey).update(body).digest('base64');
}

/** Whether `signature` is Help Scout's for `body`; false without a body, a signature or a key. Constant time. */
export function isValidHelpScoutSignature(secretKey: string, signature: string | undefined, body: Buffer | undefined): boolean {
  if (!signature || !body || secretKey.length === 0) return false;
  const presented = Buffer.from(signature.trim(), 'utf8');
  const expected = Buffer.from(helpScoutSignature(secretKey, body), 'utf8');
  // A SHA-1 signature's Base64 is always 28 characters: a length mismatch reveals nothing secret.
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}
