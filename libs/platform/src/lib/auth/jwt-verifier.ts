import { Injectable } from '@nestjs/common';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { z } from 'zod';
import { PlatformConfig } from '../config/platform-config';
import { MAX_DEV_TOKEN_LIFETIME_SECONDS, outlivesDevTokenBound } from './token-lifetime';

const claimsSchema = z.object({
  sub: z.string().min(1),
  tenant: z.string().min(1),
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
 * Verifies people's bearer JWTs against the configured JWKS, or else the HS256 JWT_SECRET. Every
 * token must carry `exp`; one signed with the shared secret may live MAX_DEV_TOKEN_LIFETIME_SECONDS.
 */
@Injectable()
export class JwtVerifier {
  private readonly verifySignature: (token: string) => Promise<JWTPayload>;
  private readonly boundsLifetime: boolean;

  constructor(config: PlatformConfig) {
    const { jwksUrl, secret, issuer, audience } = config.jwt;
    // Without `exp` a token would be accepted forever.
    const requiredClaims = ['exp'];
    this.boundsLifetime = !jwksUrl;
    if (jwksUrl) {
      const keySet = createRemoteJWKSet(new URL(jwksUrl));
      this.verifySignature = async (token) => (await jwtVerify(token, keySet, { issuer, audience, requiredClaims })).payload;
    } else {
      const key = new TextEncoder().encode(secret);
      // Pinning the algorithm keeps a token from choosing how it is checked.
      const options = { issuer, audience, requiredClaims, algorithms: ['HS256'] };
      // (In production the public default secret never gets here: the config refuses it at start.)
      this.verifySignature = async (token) => (await jwtVerify(token, key, options)).payload;
    }
  }

  async verify(token: string): Promise<JwtCheck> {
    let payload: JWTPayload;
    try {
      payload = await this.verifySignature(token);
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { status: 'expired' };
      if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'exp' && error.reason === 'missing') {
        return { status: 'invalid', reason: 'it has no "exp" (expiry) claim' };
      }
      if (error instanceof errors.JOSEError) return { status: 'invalid' };
      throw error;
    }
    if (this.boundsLifetime && outlivesDevTokenBound(payload.exp as number, payload.iat, Math.floor(Date.now() / 1000))) {
      return { status: 'invalid', reason: `a token signed with the shared secret may live at most ${MAX_DEV_TOKEN_LIFETIME_SECONDS / 3600} h` };
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) return { status: 'invalid', reason: `it lacks the ${claims.error.issues.map((i) => `"${i.path.join('.')}"`).join(', ')} claim(s)` };
    const { sub, tenant, roles } = claims.data;
    return { status: 'valid', claims: { subject: sub, tenantId: tenant, roles } };
  }
}
