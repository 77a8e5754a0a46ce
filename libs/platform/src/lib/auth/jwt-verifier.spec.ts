import { base64url, SignJWT, UnsecuredJWT } from 'jose';
import { loadPlatformConfig } from '../config/load-platform-config';
import { PlatformConfig } from '../config/platform-config';
import { signDevToken } from './dev-token';
import { JwtVerifier } from './jwt-verifier';

const SECRET = 'a-test-secret-of-some-length';
const verifier = (env: Record<string, string> = {}) =>
  new JwtVerifier(new PlatformConfig('test', loadPlatformConfig({ JWT_SECRET: SECRET, ...env })));

describe('JwtVerifier with JWT_SECRET (HS256)', () => {
  it("accepts a dev token and returns its subject, tenant and roles", async () => {
    const token = await signDevToken({ tenant: 'acme', roles: ['supervisor', 'ops'], subject: 'u-1', secret: SECRET });
    await expect(verifier().verify(token)).resolves.toEqual({
      status: 'valid',
      claims: { subject: 'u-1', tenantId: 'acme', roles: ['supervisor', 'ops'] },
    });
  });

  it('tells an expired token from an invalid one', async () => {
    const expired = await signDevToken({ tenant: 'acme', roles: ['agent'], secret: SECRET, expiresIn: Math.floor(Date.now() / 1000) - 60 });
    const forged = await signDevToken({ tenant: 'acme', roles: ['admin'], secret: 'someone-elses-secret' });
    await expect(verifier().verify(expired)).resolves.toEqual({ status: 'expired' });
    await expect(verifier().verify(forged)).resolves.toEqual({ status: 'invalid' });
    await expect(verifier().verify('not.a.jwt')).resolves.toEqual({ status: 'invalid' });
  });

  const hs256 = (claims: object, build: (jwt: SignJWT) => SignJWT = (jwt) => jwt.setIssuedAt().setExpirationTime('1h')) =>
    build(new SignJWT({ ...claims }).setProtectedHeader({ alg: 'HS256' }).setSubject('u-1')).sign(new TextEncoder().encode(SECRET));

  it('rejects a token without the tenant claim, naming it', async () => {
    await expect(verifier().verify(await hs256({ roles: ['agent'] }))).resolves.toEqual({
      status: 'invalid',
      reason: 'it lacks a usable "tenant" claim',
    });
  });

  it('rejects a token without exp, however valid otherwise', async () => {
    const forever = await hs256({ tenant: 'acme', roles: ['agent'] }, (jwt) => jwt.setIssuedAt());
    await expect(verifier().verify(forever)).resolves.toEqual({ status: 'invalid', reason: 'it has no "exp" (expiry) claim' });
  });

  it('rejects a shared-secret token living longer than 24 h, counted from iat or else from now', async () => {
    const now = Math.floor(Date.now() / 1000);
    const tenant = { tenant: 'acme', roles: ['agent'] };
    const day = await hs256(tenant, (jwt) => jwt.setIssuedAt(now - 60).setExpirationTime(now - 60 + 24 * 3600));
    const dayAndASecond = await hs256(tenant, (jwt) => jwt.setIssuedAt(now - 60).setExpirationTime(now - 59 + 24 * 3600));
    const noIat = await hs256(tenant, (jwt) => jwt.setExpirationTime(now + 25 * 3600));
    await expect(verifier().verify(day)).resolves.toMatchObject({ status: 'valid' });
    const tooLong = { status: 'invalid', reason: 'a token signed with the shared secret may live at most 24 h' };
    await expect(verifier().verify(dayAndASecond)).resolves.toEqual(tooLong);
    await expect(verifier().verify(noIat)).resolves.toEqual(tooLong);
  });

  it('rejects an unsigned token (alg none) and one whose header claims another algorithm', async () => {
    const claims = { tenant: 'acme', roles: ['admin'], sub: 'u-1' };
    const none = new UnsecuredJWT(claims).setIssuedAt().setExpirationTime('1h').encode();
    await expect(verifier().verify(none)).resolves.toEqual({ status: 'invalid' });
    // An HS512 token signed with the right secret: the algorithm is pinned, not read from the token.
    const hs512 = await new SignJWT(claims).setProtectedHeader({ alg: 'HS512' }).setExpirationTime('1h').sign(new TextEncoder().encode(SECRET));
    await expect(verifier().verify(hs512)).resolves.toEqual({ status: 'invalid' });
    const [header, payload] = (await hs256(claims)).split('.');
    await expect(verifier().verify(`${header}.${payload}.${base64url.encode('not the signature')}`)).resolves.toEqual({ status: 'invalid' });
  });

  it('signs dev tokens with exp, and refuses to sign one the services would refuse', async () => {
    const token = await signDevToken({ tenant: 'acme', roles: ['agent'], secret: SECRET, expiresIn: '24h' });
    await expect(verifier().verify(token)).resolves.toMatchObject({ status: 'valid' });
    await expect(signDevToken({ tenant: 'acme', roles: ['agent'], secret: SECRET, expiresIn: '25h' })).rejects.toThrow(
      new RangeError('a token signed with JWT_SECRET lives at most 24 h'),
    );
  });

  it('reads the tenant and roles from the configured claims: a whole name first, else a dotted path', async () => {
    const oidc = verifier({ JWT_TENANT_CLAIM: 'https://hotline.example/tenant', JWT_ROLES_CLAIM: 'realm_access.roles' });
    const token = await hs256({ 'https://hotline.example/tenant': 'acme', realm_access: { roles: ['supervisor'] }, tenant: 'not-this-one' });
    await expect(oidc.verify(token)).resolves.toEqual({ status: 'valid', claims: { subject: 'u-1', tenantId: 'acme', roles: ['supervisor'] } });
    await expect(oidc.verify(await hs256({ tenant: 'acme', roles: ['agent'] }))).resolves.toEqual({
      status: 'invalid',
      reason: 'it lacks a usable "https://hotline.example/tenant", "realm_access.roles" claim',
    });
    const rolesNotAList = await hs256({ 'https://hotline.example/tenant': 'acme', realm_access: { roles: 'admin' } });
    await expect(oidc.verify(rolesNotAList)).resolves.toEqual({ status: 'invalid', reason: 'it lacks a usable "realm_access.roles" claim' });
  });

  it('checks issuer and audience when they are configured', async () => {
    const strict = verifier({ JWT_ISSUER: 'https://id.example.com', JWT_AUDIENCE: 'hotline' });
    const right = await signDevToken({ tenant: 'acme', roles: ['agent'], secret: SECRET, issuer: 'https://id.example.com', audience: 'hotline' });
    const wrong = await signDevToken({ tenant: 'acme', roles: ['agent'], secret: SECRET, issuer: 'https://evil.example.com', audience: 'hotline' });
    await expect(strict.verify(right)).resolves.toMatchObject({ status: 'valid' });
    await expect(strict.verify(wrong)).resolves.toEqual({ status: 'invalid' });
  });
});
