import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '@hotline/testing';
import { durableTimersV1Sql } from '@hotline/timers';
import { runHotline } from './support/run-hotline';

describe('hotline timers (real PostgreSQL)', () => {
  let db: TestDatabase;
  let client: Client;

  const hotline = (argv: string[]) => runHotline(argv, { DATABASE_URL: db.url });
  const count = async (table: string) => Number((await client.query(`SELECT count(*) AS n FROM dispatch.${table}`)).rows[0].n);

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
    await client.query('CREATE SCHEMA dispatch');
    for (const sql of durableTimersV1Sql('dispatch')) await client.query(sql);
    await client.query(
      `INSERT INTO dispatch.timers_parked (tenant_id, kind, key, due_at, payload, attempts, reason, parked_at) VALUES
       ('acme', 'sla.answer', 'contact-1', now(), '{}', 8, 'clock row locked', now() - interval '2 minutes'),
       ('globex', 'sla.answer', 'contact-2', now(), '{}', 8, 'handler threw', now() - interval '1 minute'),
       ('acme', 'sla.answer', 'contact-3', now(), '{}', 8, 'handler threw', now())`,
    );
  });

  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it('lists parked timers oldest first, narrowed by tenant, or as JSON', async () => {
    const all = await hotline(['timers', 'list', '--service', 'dispatch']);
    expect(all.exitCode).toBe(0);
    const lines = all.stdout.split('\n');
    expect(lines[0]).toMatch(/^TENANT\s+KIND\s+KEY\s+DUE AT\s+PARKED AT\s+ATTEMPTS\s+REASON$/);
    expect(lines.slice(1).map((l) => l.split(/\s+/)[2])).toEqual(['contact-1', 'contact-2', 'contact-3']);

    const acme = await hotline(['timers', 'list', '--service', 'dispatch', '--tenant', 'acme', '--json']);
    expect(JSON.parse(acme.stdout).map((t: { key: string }) => t.key)).toEqual(['contact-1', 'contact-3']);
  });

  it('puts chosen parked timers, then all of them, back to fire now', async () => {
    const one = await hotline(['timers', 'retry', '--service', 'dispatch', '--tenant', 'acme', '--kind', 'sla.answer', '--key', 'contact-3']);
    expect(one.stdout).toBe('Put 1 parked timer back in dispatch; they fire now.');
    expect(await count('timers')).toBe(1);
    expect((await hotline(['timers', 'retry', '--service', 'dispatch', '--all'])).stdout).toContain('Put 2 parked timers back');
    expect(await count('timers')).toBe(3);
    expect(await count('timers_parked')).toBe(0);
    expect((await hotline(['timers', 'list', '--service', 'dispatch'])).stdout).toBe('No parked timers in dispatch.');
  });

  it.each([
    [['timers', 'list'], '--service is required.'],
    [['timers', 'retry', '--service', 'dispatch'], 'retry needs --tenant T --kind K --key KEY (repeatable) or --all.'],
    [['timers', 'retry', '--service', 'dispatch', '--key', 'contact-1'], '--tenant is required.'],
    [['timers', 'launch'], 'Unknown timers action "launch".'],
  ])('refuses %j: %s', async (argv, message) => {
    const result = await hotline(argv);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(message);
  });
});
