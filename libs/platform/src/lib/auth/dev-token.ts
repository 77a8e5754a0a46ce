import { decodeJwt, SignJWT } from 'jose';
import type { Role } from './roles';
import { MAX_DEV_TOKEN_LIFETIME_SECONDS, outlivesDevTokenBound } from './token-lifetime';

export interface DevTokenOptions {
  tenant: string;
  roles: Role[];
  subject?: string;
  /** The services' JWT_SECRET. */
  secret: string;
  /** jose notation ('8h', '30m') or an absolute epoch second; at most 24 h away. @default '8h' */
  expiresIn?: string | number;
  issuer?: string;
  audience?: string;
}

/**
 * An HS256 JWT that services using JWT_SECRET accept: for local use, tests and demos. Always has
 * `exp`; throws a RangeError for a lifetime the services would refuse (MAX_DEV_TOKEN_LIFETIME_SECONDS).
 */
export async function signDevToken(options: DevTokenOptions): Promise<string> {
  const token = new SignJWT({ tenant: options.tenant, roles: options.roles })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(options.subject ?? 'dev-user')
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '8h');
  if (options.issuer) token.setIssuer(options.issuer);
  if (options.audience) token.setAudience(options.audience);
  const signed = await token.sign(new TextEncoder().encode(options.secret));
  const { exp, iat } = decodeJwt(signed);
  if (outlivesDevTokenBound(exp as number, iat, iat as number)) {
    throw new RangeError(`a token signed with JWT_SECRET lives at most ${MAX_DEV_TOKEN_LIFETIME_SECONDS / 3600} h`);
  }
  return signed;
}
