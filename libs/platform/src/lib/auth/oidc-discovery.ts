import { Logger } from '@nestjs/common';
import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { ProblemException } from '../errors/problem';

/** 503: the identity provider, not the caller's token, is at fault; `what` of it could not be read. */
export function identityProviderUnavailable(what: 'discovery document' | 'keys'): ProblemException {
  return new ProblemException({ status: 503, detail: `The identity provider's ${what} could not be read; retry later.` });
}

/** Where a provider's tokens are checked: its key set, and the issuer they must name. */
export interface ProviderKeys {
  keySet: JWTVerifyGetKey;
  issuer: string;
}

const discoveryDocument = z.object({ issuer: z.string(), jwks_uri: z.url({ protocol: /^https?$/ }) });
const withoutTrailingSlash = (url: string) => url.replace(/\/$/, '');

/**
 * OpenID Connect Discovery: reads `<issuer>/.well-known/openid-configuration` on first use, keeps
 * it, and reads it again on the next call after a failure (which is a 503: the provider, not the
 * token, is at fault). The document must name the configured issuer (OIDC Discovery §4.3).
 */
export function discoverProvider(issuerUrl: string): () => Promise<ProviderKeys> {
  const logger = new Logger('OidcDiscovery');
  const url = `${withoutTrailingSlash(issuerUrl)}/.well-known/openid-configuration`;
  let discovered: Promise<ProviderKeys> | undefined;
  const discover = async (): Promise<ProviderKeys> => {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    const document = discoveryDocument.parse(await response.json());
    if (withoutTrailingSlash(document.issuer) !== withoutTrailingSlash(issuerUrl)) {
      throw new Error(`${url} names the issuer ${document.issuer}, not OIDC_ISSUER_URL`);
    }
    return { keySet: createRemoteJWKSet(new URL(document.jwks_uri)), issuer: document.issuer };
  };
  return () => {
    discovered ??= discover().catch((error: unknown) => {
      discovered = undefined;
      logger.error(`OIDC discovery failed: ${error instanceof Error ? error.message : String(error)}`);
      throw identityProviderUnavailable("discovery document");
    });
    return discovered;
  };
}
