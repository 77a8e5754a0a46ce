import { jwtVerify } from 'jose';
import { Client } from 'pg';
import { DEV_JWT_SECRET, hashApiKey, parseApiKeyPrefix } from '@hotline/platform';
import { createTestDatabase, type TestDatabase } from '@hotline/testing';
import { createApiKey } from './api-keys';
import { type CliIo, runCli } from './cli';

/** The api-key tests' own database, created in their beforeAll. */
let testDb: TestDatabase | undefined;

/** Runs the CLI as `npx hotline …` would, capturing what it prints. */
async function hotline(argv: string[], env: Record<string, string> = {}) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = { out: (text) => stdout.push(text), err: (text) => stderr.push(text), env: { ...(testDb ? { DATABASE_URL: testDb.url } : {}), ...env } };
  const exitCode = await runCli(argv, io);
  return { exitCode, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

async function verify(token: string, secret: string) {
  const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), { algorithms: ['HS256'] });
  return { ...payload, lifetime: Number(payload.exp) - Number(payload.iat) };
}

describe('hotline token', () => {
  it('prints a JWT signed with the development secret by default', async () => {
    const { exitCode, stdout } = await hotline(['token', '--tenant', 'acme', '--role', 'supervisor', '--role', 'ops']);
    expect(exitCode).toBe(0);
    const claims = await verify(stdout, DEV_JWT_SECRET);
    expect(claims).toMatchObject({ tenant: 'acme', roles: ['supervisor', 'ops'], sub: 'dev-user', lifetime: 8 * 3600 });
  });

  it('signs with JWT_SECRET and takes a subject and a lifetime', async () => {
    const secret = 'a-deployment-secret-value';
    const { stdout } = await hotline(['token', '--tenant', 'acme', '--role', 'agent', '--subject', 'u-7', '--expires', '30m'], {
      JWT_SECRET: secret,
    });
    const claims = await verify(stdout, secret);
    expect(claims).toMatchObject({ sub: 'u-7', roles: ['agent'], lifetime: 1800 });
  });

  it('explains a wrong command line and exits non-zero', async () => {
    expect(await hotline(['token', '--role', 'agent'])).toMatchObject({ exitCode: 1, stderr: expect.stringContaining('--tenant is required') });
    expect(await hotline(['token', '--tenant', 'acme', '--role', 'boss'])).toMatchObject({
      exitCode: 1,
      stderr: expect.stringContaining('Unknown role "boss"; roles are agent, supervisor, ops, security, admin.'),
    });
    expect(await hotline(['frobnicate'])).toMatchObject({ exitCode: 1, stderr: expect.stringContaining('npx hotline --help') });
    expect(await hotline(['--help'])).toMatchObject({ exitCode: 0, stdout: expect.stringContaining('Usage: npx hotline') });
  });
});

describe('hotline api-key', () => {
  let db: Client;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = new Client({ connectionString: testDb.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await testDb?.drop();
  });

  it("asks for intake's migrations while its table does not exist", async () => {
    const { exitCode, stderr } = await hotline(['api-key', 'list', '--tenant', 'acme']);
    expect(exitCode).toBe(1);
    expect(stderr).toContain("run intake's migrations first (npm start does)");
  });

  describe('with intake.api_keys', () => {
    beforeAll(() =>
      // The table as intake's migration creates it.
      db.query(`
        CREATE SCHEMA intake;
        CREATE TABLE intake.api_keys (
          id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
          tenant_id text NOT NULL,
          name text NOT NULL,
          prefix text NOT NULL UNIQUE,
          key_hash text NOT NULL UNIQUE,
          scopes text[] NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now(),
          revoked_at timestamptz NULL,
          last_used_at timestamptz NULL
        )`),
    );

    it('createApiKey stores the prefix and the hash, never the key', async () => {
      const created = await createApiKey({ databaseUrl: (testDb as TestDatabase).url, tenantId: 'acme', name: 'connect', scopes: ['events:write'] });
      expect(created.prefix).toBe(parseApiKeyPrefix(created.key));
      const { rows } = await db.query('SELECT * FROM intake.api_keys WHERE id = $1', [created.id]);
      expect(rows).toEqual([
        expect.objectContaining({ tenant_id: 'acme', name: 'connect', prefix: created.prefix, key_hash: hashApiKey(created.key), scopes: ['events:write'] }),
      ]);
      expect(JSON.stringify(rows)).not.toContain(created.key);
    });

    it('create prints the key alone on stdout, once, with events:write by default', async () => {
      const { exitCode, stdout, stderr } = await hotline(['api-key', 'create', '--tenant', 'globex']);
      expect(exitCode).toBe(0);
      expect(parseApiKeyPrefix(stdout)).toBeDefined();
      expect(stderr).toContain("won't be shown again");
      const { rows } = await db.query('SELECT name, scopes FROM intake.api_keys WHERE key_hash = $1', [hashApiKey(stdout)]);
      expect(rows).toEqual([{ name: 'default', scopes: ['events:write'] }]);
    });

    it("list shows a tenant's keys by prefix, never the key or its hash; revoke marks one revoked", async () => {
      const created = await createApiKey({ databaseUrl: (testDb as TestDatabase).url, tenantId: 'initech', name: 'genesys', scopes: ['events:write', 'events:read'] });

      const revoked = await hotline(['api-key', 'revoke', '--id', created.id]);
      expect(revoked).toMatchObject({ exitCode: 0, stdout: expect.stringContaining(`Revoked API key ${created.prefix}`) });

      const { stdout } = await hotline(['api-key', 'list', '--tenant', 'initech']);
      const [header, row, ...others] = stdout.split('\n');
      expect(header.split(/\s{2,}/)).toEqual(['ID', 'PREFIX', 'NAME', 'SCOPES', 'CREATED', 'LAST USED', 'REVOKED']);
      expect(others).toEqual([]);
      expect(row.split(/\s{2,}/)).toEqual([
        created.id,
        created.prefix,
        'genesys',
        'events:write,events:read',
        created.createdAt.toISOString(),
        '-',
        expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      ]);
      expect(stdout).not.toContain(created.key);
      expect(stdout).not.toContain(hashApiKey(created.key));
    });

    it('revoke of an unknown id fails', async () => {
      const { exitCode, stderr } = await hotline(['api-key', 'revoke', '--id', '00000000-0000-4000-8000-000000000000']);
      expect(exitCode).toBe(1);
      expect(stderr).toContain('No API key has id 00000000-0000-4000-8000-000000000000.');
    });
  });
});
