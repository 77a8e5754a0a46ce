import type { IncomingHttpHeaders } from 'node:http';

export interface RequestUrlParts {
  /** Path and query string as received, e.g. `/v1/adapters/twilio/taskrouter?tenant=acme`. */
  originalUrl: string;
  /** The protocol of the connection that reached us (`http` behind a TLS-terminating proxy). */
  protocol: string;
  headers: IncomingHttpHeaders;
}

/**
 * The URL Twilio called, which is what it signed. Behind a proxy or load balancer the host and
 * scheme we see differ from it, so:
 * 1. `publicBaseUrl` (env INTAKE_PUBLIC_URL, e.g. `https://hotline.example.com`, or with a path
 *    prefix the proxy strips, `https://example.com/intake`) followed by the path and query received;
 * 2. else the first `X-Forwarded-Proto` and `X-Forwarded-Host`, which proxies set;
 * 3. else the connection's protocol and the `Host` header.
 * Trusting forwarded headers is safe here: they only choose which URL the signature must match,
 * and no URL can be matched without the tenant's auth token.
 */
export function signedRequestUrl(request: RequestUrlParts, publicBaseUrl?: string): string {
  if (publicBaseUrl) return publicBaseUrl.replace(/\/+$/, '') + request.originalUrl;
  const protocol = firstValue(request.headers['x-forwarded-proto']) ?? request.protocol;
  const host = firstValue(request.headers['x-forwarded-host']) ?? firstValue(request.headers.host) ?? 'localhost';
  return `${protocol}://${host}${request.originalUrl}`;
}

/** `a, b` (a chain of proxies) or a repeated header: the first value is the client-facing one. */
function firstValue(header: string | string[] | undefined): string | undefined {
  const value = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim();
  return value ? value : undefined;
}
