import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { loadPlatformConfig } from '../config/load-platform-config';
import { PlatformConfig } from '../config/platform-config';
import { ProblemException } from '../errors/problem';
import { signDevToken } from './dev-token';
import { JwtVerifier } from './jwt-verifier';

const verifier = (env: Record<string, string>) => new JwtVerifier(new PlatformConfig('test', loadPlatformConfig({ JWT_SECRET: 'a-test-secret-of-some-length', ...env })));

/** An identity provider on a local port: a discovery document (whose issuer a test may change) and a JWKS with an RS256 and an ES256 key. */
describe('JwtVerifier with an identity provider (JWKS_URL, OIDC_ISSUER_URL)', () => {
  let server: Server;
  let base: string;
  let discovery: { status: number; issuer?: string };
  const discoveryReads: string[] = [];
  /** expiresIn null: no exp at all. */
  let sign: (claims: object, options?: { expiresIn?: string | null; alg?: 'RS256' | 'ES256'; issuer?: string }) => Promise<string>;

  beforeAll(async () => {
    const rsa = await generateKeyPair('RS256');
    const ec = await generateKeyPair('ES256');
    const jwks = JSON.stringify({
      keys: [
        { ...(await exportJWK(rsa.publicKey)), kid: 'rs', alg: 'RS256', use: 'sig' },
        { ...(await exportJWK(ec.publicKey)), kid: 'es', alg: 'ES256', use: 'sig' },
      ],
    });
    server = createServer((req, res) => {
      if (req.url === '/jwks.json') return res.writeHead(200, { 'Content-Type': 'application/json' }).end(jwks);
      discoveryReads.push(req.url ?? '');
      res.writeHead(discovery.status, { 'Content-Type': 'application/json' }).end(JSON.stringify({ issuer: discovery.issuer ?? base, jwks_uri: `${base}/jwks.json` }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    sign = (claims, { expiresIn = '1h', alg = 'RS256', issuer } = {}) => {
      const jwt = new SignJWT({ ...claims }).setProtectedHeader({ alg, kid: alg === 'RS256' ? 'rs' : 'es' }).setSubject('u-9');
      if (issuer) jwt.setIssuer(issuer);
      return (expiresIn ? jwt.setExpirationTime(expiresIn) : jwt).sign(alg === 'RS256' ? rsa.privateKey : ec.privateKey);
    };
  });

  beforeEach(() => {
    discovery = { status: 200 };
    discoveryReads.length = 0;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const claims = { tenant: 'acme', roles: ['security'] };

  it("accepts tokens signed by the provider's keys, and no longer the shared secret", async () => {
    const jwks = verifier({ JWKS_URL: `${base}/jwks.json` });
    await expect(jwks.verify(await sign(claims))).resolves.toEqual({ status: 'valid', claims: { subject: 'u-9', tenantId: 'acme', roles: ['security'] } });
    const hs256 = await signDevToken({ tenant: 'acme', roles: ['admin'], secret: 'a-test-secret-of-some-length' });
    await expect(jwks.verify(hs256)).resolves.toEqual({ status: 'invalid' });
  });

  it('requires exp on provider tokens too, but leaves their lifetime to the provider', async () => {
    const jwks = verifier({ JWKS_URL: `${base}/jwks.json` });
    await expect(jwks.verify(await sign(claims, { expiresIn: '7d' }))).resolves.toMatchObject({ status: 'valid' });
    await expect(jwks.verify(await sign(claims, { expiresIn: null }))).resolves.toEqual({ status: 'invalid', reason: 'it has no "exp" (expiry) claim' });
  });

  it('pins the algorithms: RS256 unless JWT_ALGORITHMS lists others, even for a key the JWKS holds', async () => {
    const es256 = await sign(claims, { alg: 'ES256' });
    await expect(verifier({ JWKS_URL: `${base}/jwks.json` }).verify(es256)).resolves.toEqual({ status: 'invalid' });
    const both = verifier({ JWKS_URL: `${base}/jwks.json`, JWT_ALGORITHMS: 'RS256, ES256' });
    await expect(both.verify(es256)).resolves.toMatchObject({ status: 'valid' });
    await expect(verifier({ JWKS_URL: `${base}/jwks.json`, JWT_ALGORITHMS: 'ES256' }).verify(await sign(claims))).resolves.toEqual({ status: 'invalid' });
  });

  it("finds the JWKS by OIDC discovery, once, and checks the discovered issuer", async () => {
    const oidc = verifier({ OIDC_ISSUER_URL: `${base}/` });
    await expect(oidc.verify(await sign(claims, { issuer: base }))).resolves.toMatchObject({ status: 'valid' });
    await expect(oidc.verify(await sign(claims, { issuer: 'https://someone-else.example' }))).resolves.toEqual({ status: 'invalid' });
    await expect(oidc.verify(await sign(claims))).resolves.toEqual({ status: 'invalid' });
    expect(discoveryReads).toEqual(['/.well-known/openid-configuration']);
  });

  it('answers 503 when the JWKS cannot be fetched, or is no JWKS: the provider is at fault, not the token', async () => {
    const token = await sign(claims);
    const unavailable = expect.objectContaining({ problem: expect.objectContaining({ status: 503, detail: "The identity provider's keys could not be read; retry later." }) });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(verifier({ JWKS_URL: `http://127.0.0.1:${closedPort}/jwks.json` }).verify(token)).rejects.toEqual(unavailable);
    // The discovery document is JSON, but no key set.
    await expect(verifier({ JWKS_URL: `${base}/.well-known/openid-configuration` }).verify(token)).rejects.toEqual(unavailable);
  });

  it('answers 503 while discovery fails or names another issuer, and reads it again next time', async () => {
    const oidc = verifier({ OIDC_ISSUER_URL: base });
    const token = await sign(claims, { issuer: base });
    discovery = { status: 500 };
    const unavailable = expect.objectContaining({ problem: expect.objectContaining({ status: 503 }) });
    await expect(oidc.verify(token)).rejects.toEqual(unavailable);
    await expect(oidc.verify(token)).rejects.toBeInstanceOf(ProblemException);
    discovery = { status: 200, issuer: 'https://impostor.example' };
    await expect(oidc.verify(token)).rejects.toEqual(unavailable);
    discovery = { status: 200 };
    await expect(oidc.verify(token)).resolves.toMatchObject({ status: 'valid' });
    expect(discoveryReads).toHaveLength(4);
  });
});
