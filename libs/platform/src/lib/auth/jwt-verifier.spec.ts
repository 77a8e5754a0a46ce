import { Logger } from '@nestjs/common';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
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

  it('rejects a token without the tenant claim', async () => {
    const token = await new SignJWT({ roles: ['agent'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u-1')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));
    await expect(verifier().verify(token)).resolves.toEqual({ status: 'invalid' });
  });

  it('checks issuer and audience when they are configured', async () => {
    const strict = verifier({ JWT_ISSUER: 'https://id.example.com', JWT_AUDIENCE: 'hotline' });
    const right = await signDevToken({ tenant: 'acme', roles: ['agent'], secret: SECRET, issuer: 'https://id.example.com', audience: 'hotline' });
    const wrong = await signDevToken({ tenant: 'acme', roles: ['agent'], secret: SECRET, issuer: 'https://evil.example.com', audience: 'hotline' });
    await expect(strict.verify(right)).resolves.toMatchObject({ status: 'valid' });
    await expect(strict.verify(wrong)).resolves.toEqual({ status: 'invalid' });
  });

  it('warns at start when production runs on the development secret', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      new JwtVerifier(new PlatformConfig('test', loadPlatformConfig({ NODE_ENV: 'development' })));
      expect(warn).not.toHaveBeenCalled();
      new JwtVerifier(new PlatformConfig('test', loadPlatformConfig({ NODE_ENV: 'production' })));
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('JWT_SECRET is the development default'));
    } finally {
      warn.mockRestore();
    }
  });
});

describe('JwtVerifier with JWKS_URL', () => {
  let server: Server;
  let jwksUrl: string;
  let sign: (claims: object) => Promise<string>;

  beforeAll(async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] });
    server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(jwks));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
    sign = (claims) =>
      new SignJWT({ ...claims }).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject('u-9').setExpirationTime('1h').sign(privateKey);
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("accepts tokens signed by the provider's keys, and no longer the shared secret", async () => {
    const jwks = verifier({ JWKS_URL: jwksUrl });
    await expect(jwks.verify(await sign({ tenant: 'acme', roles: ['security'] }))).resolves.toEqual({
      status: 'valid',
      claims: { subject: 'u-9', tenantId: 'acme', roles: ['security'] },
    });
    const hs256 = await signDevToken({ tenant: 'acme', roles: ['admin'], secret: SECRET });
    await expect(jwks.verify(hs256)).resolves.toEqual({ status: 'invalid' });
  });
});
