import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { parseApiKeyPrefix } from '@hotline/platform';
import { startService, type StartedService } from '@hotline/testing/service';
// The CLI is a client of intake's admin API: its test runs the real intake, in this process.
// eslint-disable-next-line @nx/enforce-module-boundaries -- a test starting the service it calls, as tools/e2e runs the built ones
import { AppModule } from '../../../services/intake/src/app.module';
import { type CliIo, runCli } from '../src/cli';

describe('hotline api-key → intake admin API (real intake over HTTP, PostgreSQL, RabbitMQ)', () => {
  let intake: StartedService;
  let intakeUrl: string;

  /** Runs the CLI as `npx hotline …` would, pointed at this test's intake with its JWT secret. */
  async function hotline(argv: string[], env: Record<string, string> = {}) {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const io: CliIo = {
      out: (text) => stdout.push(text),
      err: (text) => stderr.push(text),
      env: { INTAKE_URL: intakeUrl, JWT_SECRET: intake.env.jwtSecret, ...env },
    };
    const exitCode = await runCli(argv, io);
    return { exitCode, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
  }

  /** The lines `api-key list` prints for the tenant. */
  const listed = async (tenant: string) => (await hotline(['api-key', 'list', '--tenant', tenant])).stdout.split('\n');

  beforeAll(async () => {
    intake = await startService(AppModule, { name: 'intake' });
    intakeUrl = `http://127.0.0.1:${intake.port}`;
  });

  afterAll(() => intake?.stop());

  it('creates a key, lists it, revokes it, and lists it revoked', async () => {
    const created = await hotline(['api-key', 'create', '--tenant', 'initech', '--name', 'genesys', '--scope', 'events:write', '--scope', 'events:read']);
    expect(created.exitCode).toBe(0);
    const key = created.stdout; // alone on stdout, so that KEY=$(npx hotline api-key create …) works
    const prefix = parseApiKeyPrefix(key) as string;
    expect(prefix).toBeDefined();
    const [, id] = /^Created API key hlk_\w+ \(id ([0-9a-f-]{36})\) for tenant initech, scopes events:write, events:read\.$/m.exec(created.stderr) ?? [];
    expect(id).toBeDefined();
    expect(created.stderr).toContain("won't be shown again");

    const [header, line, ...others] = await listed('initech');
    expect(header.split(/\s{2,}/)).toEqual(['ID', 'PREFIX', 'NAME', 'SCOPES', 'CREATED', 'LAST USED', 'REVOKED']);
    expect(others).toEqual([]);
    expect(line.split(/\s{2,}/)).toEqual([id, prefix, 'genesys', 'events:write,events:read', expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/), '-', '-']);
    expect(line).not.toContain(key.slice(prefix.length));
    // Intake takes the key (the empty batch is what it refuses), until it is revoked.
    const send = () => intake.http().post('/v1/events').set('Authorization', `Bearer ${key}`).send([]);
    expect((await send()).status).toBe(400);

    const revoked = await hotline(['api-key', 'revoke', '--tenant', 'initech', '--id', id]);
    expect(revoked).toMatchObject({ exitCode: 0, stdout: expect.stringMatching(new RegExp(`^Revoked API key ${prefix} \\(genesys\\) of tenant initech at \\d{4}-.*Z\\.$`)) });

    expect((await send()).status).toBe(403);
    const after = (await listed('initech'))[1].split(/\s{2,}/);
    expect(after[6]).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
    expect(revoked.stdout).toContain(after[6]);
  });

  it('says when a tenant has no keys', async () => {
    expect(await hotline(['api-key', 'list', '--tenant', 'umbrella'])).toMatchObject({ exitCode: 0, stdout: 'Tenant umbrella has no API keys.' });
  });

  it("reports intake's 400 on one line naming the field, and creates nothing", async () => {
    const before = await listed('acme');
    const { exitCode, stdout, stderr } = await hotline(['api-key', 'create', '--tenant', 'acme', '--scope', 'admin:everything']);
    expect(exitCode).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toBe(
      'hotline: Intake answered 400 Validation failed: scopes.0: Unknown scope "admin:everything": use events:write or events:read.',
    );
    expect(await listed('acme')).toEqual(before);
  });

  it("reports intake's 404 for a key the tenant does not have", async () => {
    const { exitCode, stderr } = await hotline(['api-key', 'revoke', '--tenant', 'acme', '--id', '00000000-0000-4000-8000-000000000000']);
    expect(exitCode).toBe(1);
    expect(stderr).toBe('hotline: Intake answered 404 Not Found: Tenant acme has no API key with id 00000000-0000-4000-8000-000000000000.');
  });

  it("says what to check when intake refuses the CLI's JWT (401) or the given one may not manage the tenant (403)", async () => {
    const wrongSecret = await hotline(['api-key', 'list', '--tenant', 'acme'], { JWT_SECRET: 'not-the-secret-intake-has' });
    expect(wrongSecret.exitCode).toBe(1);
    expect(wrongSecret.stderr).toMatch(/^hotline: Intake answered 401 Unauthorized: .+ The CLI signs its admin JWT with JWT_SECRET/);

    const globexAdmin = await intake.token({ tenant: 'globex', roles: ['admin'] });
    const forbidden = await hotline(['api-key', 'list', '--tenant', 'acme', '--token', globexAdmin]);
    expect(forbidden).toMatchObject({ exitCode: 1, stderr: expect.stringMatching(/^hotline: Intake answered 403 Forbidden: .*tenant acme.* The admin JWT needs the role admin/) });
  });

  it('uses the admin JWT given in HOTLINE_ADMIN_TOKEN, which a JWKS deployment needs', async () => {
    const operator = await intake.token({ tenant: '*', roles: ['admin'] });
    const { exitCode, stdout } = await hotline(['api-key', 'create', '--tenant', 'acme'], {
      JWKS_URL: 'https://idp.example.com/.well-known/jwks.json',
      HOTLINE_ADMIN_TOKEN: operator,
    });
    expect(exitCode).toBe(0);
    expect(parseApiKeyPrefix(stdout)).toBeDefined();
  });

  it('names the address and says to start intake when nothing answers there', async () => {
    const port = await closedPort();
    const { exitCode, stdout, stderr } = await hotline(['api-key', 'list', '--tenant', 'acme', '--intake-url', `http://127.0.0.1:${port}/`]);
    expect(exitCode).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `hotline: Cannot reach intake at http://127.0.0.1:${port} (ECONNREFUSED): is intake running? ` +
        'npm start starts it; --intake-url or INTAKE_URL point the CLI at another address.',
    );
  });

  it('runs from its bin as npm start runs it, with the services’ environment', async () => {
    const root = path.resolve(__dirname, '../../..');
    // process.env is what startService gave intake (its JWT_SECRET among it), as start.mjs's is its services'.
    const { code, stdout, stderr } = await run(process.execPath, [path.join(root, 'tools/cli/bin/hotline.js'), 'api-key', 'create', '--tenant', 'demo'], {
      cwd: root,
      env: { ...process.env, INTAKE_URL: intakeUrl },
    });
    expect({ code, stderr }).toMatchObject({ code: 0, stderr: expect.stringContaining('for tenant demo') });
    expect(parseApiKeyPrefix(stdout.trim())).toBeDefined();
  });
});

/** A port nothing listens on: one the OS just handed out and took back. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
