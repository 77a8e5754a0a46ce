import { Injectable, Logger } from '@nestjs/common';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { z } from 'zod';
import { PlatformConfig } from '../config/platform-config';

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

export type JwtCheck = { status: 'valid'; claims: JwtClaims } | { status: 'expired' | 'invalid' };

/** Verifies people's bearer JWTs against the configured JWKS, or else the HS256 JWT_SECRET. */
@Injectable()
export class JwtVerifier {
  private readonly logger = new Logger(JwtVerifier.name);
  private readonly verifySignature: (token: string) => Promise<JWTPayload>;

  constructor(config: PlatformConfig) {
    const { jwksUrl, secret, usesDevSecret, issuer, audience } = config.jwt;
    if (jwksUrl) {
      const keySet = createRemoteJWKSet(new URL(jwksUrl));
      this.verifySignature = async (token) => (await jwtVerify(token, keySet, { issuer, audience })).payload;
    } else {
      const key = new TextEncoder().encode(secret);
      // Pinning the algorithm keeps a token from choosing how it is checked.
      const options = { issuer, audience, algorithms: ['HS256'] };
      this.verifySignature = async (token) => (await jwtVerify(token, key, options)).payload;
      if (usesDevSecret && config.nodeEnv === 'production') {
        this.logger.warn('JWT_SECRET is the development default: anyone can forge tokens. Set JWT_SECRET or JWKS_URL.');
      }
    }
  }

  async verify(token: string): Promise<JwtCheck> {
    let payload: JWTPayload;
    try {
      payload = await this.verifySignature(token);
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { status: 'expired' };
      if (error instanceof errors.JOSEError) return { status: 'invalid' };
      throw error;
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) return { status: 'invalid' };
    const { sub, tenant, roles } = claims.data;
    return { status: 'valid', claims: { subject: sub, tenantId: tenant, roles } };
  }
}
