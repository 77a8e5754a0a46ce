import { loadPlatformConfig } from './load-platform-config';
import { DEFAULT_AMQP_URL, DEFAULT_DATABASE_URL, DEV_JWT_SECRET } from './platform-env';

describe('loadPlatformConfig', () => {
  it('defaults every variable to the local development setup', () => {
    expect(loadPlatformConfig({})).toEqual({
      NODE_ENV: 'development',
      DATABASE_URL: DEFAULT_DATABASE_URL,
      AMQP_URL: DEFAULT_AMQP_URL,
      CONSUMER_MAX_BATCH: 400,
      JWT_SECRET: DEV_JWT_SECRET,
      JWT_TENANT_CLAIM: 'tenant',
      JWT_ROLES_CLAIM: 'roles',
      JWT_ALGORITHMS: ['RS256'],
      ADMIN_THROTTLE_FAILURES: 20,
      ADMIN_THROTTLE_WINDOW_SECONDS: 60,
      LOG_LEVEL: 'info',
      SHUTDOWN_TIMEOUT_MS: 10_000,
      TRUST_PROXY: false,
    });
    expect(DEFAULT_DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/hotline');
    expect(DEFAULT_AMQP_URL).toBe('amqp://guest:guest@127.0.0.1:5672');
  });

  it('reads and converts the variables that are set, and treats empty ones as unset', () => {
    const env = loadPlatformConfig({
      NODE_ENV: 'production',
      PORT: '4000',
      JWKS_URL: 'https://login.example.com/.well-known/jwks.json',
      HOTLINE_NAMESPACE: 'test-1a2b',
      SHUTDOWN_TIMEOUT_MS: '2500',
      JWT_ISSUER: '',
      UNRELATED: 'ignored',
    });
    expect(env).toMatchObject({ NODE_ENV: 'production', PORT: 4000, HOTLINE_NAMESPACE: 'test-1a2b', SHUTDOWN_TIMEOUT_MS: 2500 });
    expect(env.JWKS_URL).toBe('https://login.example.com/.well-known/jwks.json');
    expect(env).not.toHaveProperty('JWT_ISSUER');
    expect(env).not.toHaveProperty('UNRELATED');
  });

  it("reads TRUST_PROXY as express's trust proxy: a flag, a hop count, or addresses", () => {
    expect(loadPlatformConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(loadPlatformConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadPlatformConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toBe('loopback, 10.0.0.0/8');
  });

  it('bounds a consumer batch to 1–1,000 deliveries', () => {
    expect(loadPlatformConfig({ CONSUMER_MAX_BATCH: '50' }).CONSUMER_MAX_BATCH).toBe(50);
    expect(() => loadPlatformConfig({ CONSUMER_MAX_BATCH: '0' })).toThrow(/CONSUMER_MAX_BATCH: /);
    expect(() => loadPlatformConfig({ CONSUMER_MAX_BATCH: '5000' })).toThrow(/CONSUMER_MAX_BATCH: /);
  });

  it('names every bad variable in one readable error, without echoing values', () => {
    const load = () =>
      loadPlatformConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://db/hotline', LOG_LEVEL: 'loud', JWT_SECRET: 'short' });
    expect(load).toThrow(/^Invalid environment: /);
    expect(load).toThrow(/PORT: /);
    expect(load).toThrow(/DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(load).toThrow(/LOG_LEVEL: /);
    expect(load).toThrow(/JWT_SECRET: must be at least 16 characters/);
    expect(load).not.toThrow(/short/);
  });

  it("reads an identity provider's settings: one way to find its keys, and only asymmetric algorithms", () => {
    expect(loadPlatformConfig({ JWT_ALGORITHMS: 'RS256, ES256', JWT_ROLES_CLAIM: 'realm_access.roles' })).toMatchObject({
      JWT_ALGORITHMS: ['RS256', 'ES256'],
      JWT_ROLES_CLAIM: 'realm_access.roles',
    });
    expect(() => loadPlatformConfig({ JWT_ALGORITHMS: 'RS256,HS256' })).toThrow(/JWT_ALGORITHMS\.1: must list only RS256, /);
    expect(() => loadPlatformConfig({ JWT_ALGORITHMS: ' , ' })).toThrow(/JWT_ALGORITHMS: must name an algorithm/);
    expect(() => loadPlatformConfig({ JWKS_URL: 'https://id.example/jwks', OIDC_ISSUER_URL: 'https://id.example' })).toThrow(
      /JWKS_URL: set JWKS_URL or OIDC_ISSUER_URL/,
    );
  });

  describe('in production', () => {
    it('refuses to start on the public development JWT_SECRET, naming the variable', () => {
      const load = () => loadPlatformConfig({ NODE_ENV: 'production' });
      expect(load).toThrow(/^Invalid environment: JWT_SECRET: is the public development default/);
      expect(load).toThrow(/set your own .* or JWKS_URL \/ OIDC_ISSUER_URL in production/);
      expect(() => loadPlatformConfig({ NODE_ENV: 'production', JWT_SECRET: DEV_JWT_SECRET })).toThrow(/JWT_SECRET: /);
    });

    it('starts with a secret of its own, or with a provider (the secret then verifies nothing)', () => {
      expect(loadPlatformConfig({ NODE_ENV: 'production', JWT_SECRET: 'a-deployment-secret-value' }).JWT_SECRET).toBe('a-deployment-secret-value');
      expect(loadPlatformConfig({ NODE_ENV: 'production', JWKS_URL: 'https://login.example.com/jwks' }).NODE_ENV).toBe('production');
      expect(loadPlatformConfig({ NODE_ENV: 'production', OIDC_ISSUER_URL: 'https://login.example.com' }).NODE_ENV).toBe('production');
    });

    it('leaves development and test on the default', () => {
      expect(loadPlatformConfig({ NODE_ENV: 'development' }).JWT_SECRET).toBe(DEV_JWT_SECRET);
      expect(loadPlatformConfig({ NODE_ENV: 'test' }).JWT_SECRET).toBe(DEV_JWT_SECRET);
    });
  });
});
