import { SignJWT } from 'jose';
import type { Role } from './roles';

export interface DevTokenOptions {
  tenant: string;
  roles: Role[];
  subject?: string;
  /** The services' JWT_SECRET. */
  secret: string;
  /** jose notation ('8h', '30m') or seconds. @default '8h' */
  expiresIn?: string | number;
  issuer?: string;
  audience?: string;
}

/** An HS256 JWT that services using JWT_SECRET accept: for local use, tests and demos. */
export function signDevToken(options: DevTokenOptions): Promise<string> {
  const token = new SignJWT({ tenant: options.tenant, roles: options.roles })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(options.subject ?? 'dev-user')
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '8h');
  if (options.issuer) token.setIssuer(options.issuer);
  if (options.audience) token.setAudience(options.audience);
  return token.sign(new TextEncoder().encode(options.secret));
}
