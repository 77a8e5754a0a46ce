import { Injectable } from '@nestjs/common';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { z } from 'zod';
import { type JwtSettings, PlatformConfig } from '../config/platform-config';
import { ProblemException } from '../errors/problem';
import { claimAt } from './jwt-claims';
import { discoverProvider, identityProviderUnavailable } from './oidc-discovery';
import { MAX_DEV_TOKEN_LIFETIME_SECONDS, outlivesDevTokenBound } from './token-lifetime';

const claimsSchema = z.object({
  subject: z.string().min(1),
  tenantId: z.string().min(1),
  roles: z.array(z.string()),
});

export interface JwtClaims {
  subject: string;
  tenantId: string;
  roles: string[];
}

/** `reason`, when given, says why in words fit for the caller (never the token itself). */
export type JwtCheck = { status: 'valid'; claims: JwtClaims } | { status: 'expired' } | { status: 'invalid'; reason?: string };

/**
 * Verifies people's bearer JWTs against an identity provider (JWKS_URL, or OIDC_ISSUER_URL's
 * discovered JWKS), with its algorithms pinned, or else the HS256 JWT_SECRET. Every token must
 * carry `exp`; one signed with the shared secret may live MAX_DEV_TOKEN_LIFETIME_SECONDS.
 */
@Injectable()
export class JwtVerifier {
  private readonly verifySignature: (token: string) => Promise<JWTPayload>;
  /** Tokens come from an identity provider (JWKS_URL, OIDC_ISSUER_URL), not the shared secret. */
  private readonly usesProvider: boolean;
  private readonly settings: JwtSettings;

  constructor(config: PlatformConfig) {
    this.settings = config.jwt;
    const { jwksUrl, oidcIssuerUrl, secret, issuer, audience, algorithms } = config.jwt;
    // Without `exp` a token would be accepted forever.
    const requiredClaims = ['exp'];
    this.usesProvider = Boolean(jwksUrl || oidcIssuerUrl);
    if (oidcIssuerUrl) {
      const provider = discoverProvider(oidcIssuerUrl);
      this.verifySignature = async (token) => {
        const { keySet, issuer: discovered } = await provider();
        return (await jwtVerify(token, keySet, { issuer: discovered, audience, requiredClaims, algorithms })).payload;
      };
    } else if (jwksUrl) {
      const keySet = createRemoteJWKSet(new URL(jwksUrl));
      this.verifySignature = async (token) => (await jwtVerify(token, keySet, { issuer, audience, requiredClaims, algorithms })).payload;
    } else {
      const key = new TextEncoder().encode(secret);
      // Pinning the algorithm keeps a token from choosing how it is checked. (In production the
      // public default secret never gets here: the config refuses it at start.)
      const options = { issuer, audience, requiredClaims, algorithms: ['HS256'] };
      this.verifySignature = async (token) => (await jwtVerify(token, key, options)).payload;
    }
  }

  async verify(token: string): Promise<JwtCheck> {
    let payload: JWTPayload;
    try {
      payload = await this.verifySignature(token);
    } catch (error) {
      // Discovery's own 503.
      if (error instanceof ProblemException) throw error;
      if (error instanceof errors.JWTExpired) return { status: 'expired' };
      if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'exp' && error.reason === 'missing') {
        return { status: 'invalid', reason: 'it has no "exp" (expiry) claim' };
      }
      // An unreachable, slow or garbled JWKS is the provider's fault, not the token's: 503, not 401 or 500.
      const providerFault = error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || !(error instanceof errors.JOSEError);
      if (this.usesProvider && providerFault) throw identityProviderUnavailable('keys');
      if (error instanceof errors.JOSEError) return { status: 'invalid' };
      throw error;
    }
    if (!this.usesProvider && outlivesDevTokenBound(payload.exp as number, payload.iat, Math.floor(Date.now() / 1000))) {
      return { status: 'invalid', reason: `a token signed with the shared secret may live at most ${MAX_DEV_TOKEN_LIFETIME_SECONDS / 3600} h` };
    }
    const { tenantClaim, rolesClaim } = this.settings;
    const claims = claimsSchema.safeParse({ subject: payload.sub, tenantId: claimAt(payload, tenantClaim), roles: claimAt(payload, rolesClaim) });
    if (!claims.success) {
      const names: Record<string, string> = { subject: 'sub', tenantId: tenantClaim, roles: rolesClaim };
      const lacking = [...new Set(claims.error.issues.map((issue) => `"${names[String(issue.path[0])]}"`))];
      return { status: 'invalid', reason: `it lacks a usable ${lacking.join(', ')} claim` };
    }
    return { status: 'valid', claims: claims.data };
  }
}
