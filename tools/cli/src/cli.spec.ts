import { jwtVerify } from 'jose';
import { DEV_JWT_SECRET } from '@hotline/platform';
import { type CliIo, runCli } from './cli';

/** Runs the CLI as `npx hotline …` would, capturing what it prints. */
async function hotline(argv: string[], env: Record<string, string> = {}) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = { out: (text) => stdout.push(text), err: (text) => stderr.push(text), env };
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

  it('refuses a lifetime the services would refuse (over 24 h)', async () => {
    expect(await hotline(['token', '--tenant', 'acme', '--role', 'agent', '--expires', '2d'])).toMatchObject({
      exitCode: 1,
      stderr: expect.stringContaining('--expires 2d: a token signed with JWT_SECRET lives at most 24 h; use e.g. 8h, 30m, 24h.'),
    });
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

describe('hotline api-key (before it calls intake)', () => {
  it('explains a wrong command line', async () => {
    expect(await hotline(['api-key', 'revoke', '--id', '00000000-0000-4000-8000-000000000000'])).toMatchObject({
      exitCode: 1,
      stderr: expect.stringContaining('--tenant is required'),
    });
    expect(await hotline(['api-key', 'revoke', '--tenant', 'acme', '--id', '42'])).toMatchObject({
      exitCode: 1,
      stderr: expect.stringContaining('--id 42 is not a key id; "api-key list --tenant acme" shows them.'),
    });
    expect(await hotline(['api-key', 'list'])).toMatchObject({ exitCode: 1, stderr: expect.stringContaining('--tenant is required') });
  });

  it('refuses an intake URL it cannot use, without echoing it', async () => {
    const notHttp = await hotline(['api-key', 'list', '--tenant', 'acme', '--intake-url', 'ftp://ops:hunter2@intake']);
    expect(notHttp).toMatchObject({ exitCode: 1, stderr: expect.stringContaining('--intake-url (or INTAKE_URL) is not an http(s) URL') });
    const withPassword = await hotline(['api-key', 'list', '--tenant', 'acme'], { INTAKE_URL: 'http://ops:hunter2@127.0.0.1:3001' });
    expect(withPassword).toMatchObject({ exitCode: 1, stderr: expect.stringContaining('must not hold a user or password') });
    expect(notHttp.stderr + withPassword.stderr).not.toContain('hunter2');
  });

  it('asks for an admin JWT when the services verify JWTs with JWKS, since it cannot sign one', async () => {
    const { exitCode, stderr } = await hotline(['api-key', 'list', '--tenant', 'acme'], { JWKS_URL: 'https://idp.example.com/jwks.json' });
    expect(exitCode).toBe(1);
    expect(stderr).toContain('JWKS_URL is set');
    expect(stderr).toContain('--token or HOTLINE_ADMIN_TOKEN');
    expect(stderr).not.toMatch(/^\s+at /m); // no stack
  });
});
