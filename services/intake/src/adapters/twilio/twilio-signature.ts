import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Twilio's request signature (https://www.twilio.com/docs/usage/webhooks/webhooks-security):
 * Base64(HMAC-SHA1(auth token, the full URL Twilio called, query string included, followed by every
 * POST parameter's name and value with no delimiters, in order of name)). A repeated parameter
 * contributes each distinct value, in sorted order, as Twilio's helper libraries do.
 *
 * Form values are strings, or string arrays when a name repeats. Anything else (a body parser's
 * expansion of `a[b]=c` into objects) cannot be turned back into what Twilio signed, so it never
 * verifies.
 */
export function twilioSignature(authToken: string, url: string, params: Readonly<Record<string, unknown>>): string | undefined {
  let data = url;
  // Twilio's libraries sort with the default (UTF-16 code unit) order; so do we.
  for (const name of Object.keys(params).sort()) {
    const value = params[name];
    const values = Array.isArray(value) ? [...new Set(value)].sort() : [value];
    for (const one of values) {
      if (typeof one !== 'string') return undefined;
      data += name + one;
    }
  }
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

/**
 * Whether `signature` is Twilio's for this request. Twilio is not consistent about writing the
 * standard port into the URL it signs (its own libraries accept both forms), so the URL is tried as
 * given, without its port, and with the scheme's default port. Comparisons take constant time.
 */
export function isValidTwilioSignature(
  authToken: string,
  signature: string | undefined,
  url: string,
  params: Readonly<Record<string, unknown>>,
): boolean {
  if (!signature || authToken.length === 0) return false;
  const presented = Buffer.from(signature, 'utf8');
  let valid = false;
  for (const candidate of signedUrlVariants(url)) {
    const expected = twilioSignature(authToken, candidate, params);
    // Every variant is compared, so the time taken does not depend on which one matched.
    if (expected !== undefined && constantTimeEqual(presented, Buffer.from(expected, 'utf8'))) valid = true;
  }
  return valid;
}

const DEFAULT_PORTS: Readonly<Record<string, string | undefined>> = { 'https://': '443', 'http://': '80' };

/** The URL as given, without its port, and with the default port (443 / 80) when it has none. */
export function signedUrlVariants(url: string): string[] {
  const parts = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)(.*)$/i.exec(url);
  if (!parts) return [url];
  const [, scheme, authority, rest] = parts;
  const withoutPort = authority.replace(/:\d+$/, '');
  const defaultPort = DEFAULT_PORTS[scheme.toLowerCase()];
  const variants = [url, scheme + withoutPort + rest];
  if (defaultPort && withoutPort === authority) variants.push(`${scheme}${authority}:${defaultPort}${rest}`);
  return [...new Set(variants)];
}

/** A SHA-1 signature's Base64 is always 28 characters: a length mismatch reveals nothing secret. */
function constantTimeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
