import { SignJWT, UnsecuredJWT } from 'jose';
import { ROLES } from '@hotline/platform';

/**
 * Bearer JWTs of `tenant`, holding every role, that the services must refuse (401): each is
 * wrong in one way only, so each proves one check of the verifier.
 */
export async function refusedTokens(secret: string, tenant: string): Promise<Record<string, string>> {
  const now = Math.floor(Date.now() / 1000);
  const key = new TextEncoder().encode(secret);
  const claims = { tenant, roles: [...ROLES] };
  const hs256 = (payload: object) => new SignJWT({ ...payload }).setProtectedHeader({ alg: 'HS256' }).setSubject('route-walk');
  return {
    'alg none': new UnsecuredJWT({ ...claims, sub: 'route-walk' }).setIssuedAt(now).setExpirationTime(now + 600).encode(),
    'a wrong key': await hs256(claims).setIssuedAt(now).setExpirationTime(now + 600).sign(new TextEncoder().encode(`not-${secret}`)),
    'an expired exp': await hs256(claims).setIssuedAt(now - 600).setExpirationTime(now - 1).sign(key),
    'no exp': await hs256(claims).setIssuedAt(now).sign(key),
    'a lifetime over 24 h': await hs256(claims).setIssuedAt(now).setExpirationTime(now + 25 * 3600).sign(key),
    'no tenant claim': await hs256({ roles: claims.roles }).setIssuedAt(now).setExpirationTime(now + 600).sign(key),
  };
}
