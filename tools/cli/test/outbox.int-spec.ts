import { Client } from 'pg';
import { messagingTablesV1Sql, messagingTablesV2Sql } from '@hotline/messaging';
import { createTestDatabase, type TestDatabase } from '@hotline/testing';
import { runHotline } from './support/run-hotline';

describe('hotline outbox (real PostgreSQL)', () => {
  let db: TestDatabase;
  let client: Client;

  const hotline = (argv: string[]) => runHotline(argv, { DATABASE_URL: db.url });
  const count = async (table: string) => Number((await client.query(`SELECT count(*) AS n FROM intake.${table}`)).rows[0].n);

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
    await client.query('CREATE SCHEMA intake');
    for (const sql of [...messagingTablesV1Sql('intake'), ...messagingTablesV2Sql('intake')]) await client.query(sql);
    await client.query(
      `INSERT INTO intake.outbox_parked (id, event_id, tenant_id, type, payload, created_at, attempts, reason) VALUES
       (7, 'evt-7', 'acme', 'contact.queued', '{}', now(), 3, 'PRECONDITION_FAILED - message size larger than configured max size'),
       (9, 'evt-9', 'globex', 'contact.ended', '{}', now(), 0, 'the outbox payload is not a JSON object'),
       (12, 'evt-12', 'acme', 'contact.answered', '{}', now(), 0, 'the event has no type
to route by')`,
    );
  });

  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it('lists parked events oldest first, one line each, narrowed by tenant, or as JSON', async () => {
    const all = await hotline(['outbox', 'list', '--service', 'intake']);
    expect(all.exitCode).toBe(0);
    const lines = all.stdout.split('\n');
    expect(lines[0]).toMatch(/^ID\s+EVENT ID\s+TENANT\s+TYPE\s+PARKED AT\s+ATTEMPTS\s+REASON$/);
    expect(lines.slice(1).map((l) => l.split(/\s+/)[1])).toEqual(['evt-7', 'evt-9', 'evt-12']);
    expect(lines[3]).toMatch(/the event has no type to route by$/);

    const acme = await hotline(['outbox', 'list', '--service', 'intake', '--tenant', 'acme', '--json']);
    expect(JSON.parse(acme.stdout).map((p: { eventId: string }) => p.eventId)).toEqual(['evt-7', 'evt-12']);

    const limited = await hotline(['outbox', 'list', '--service', 'intake', '--limit', '1']);
    expect(limited.stderr).toContain('Showing the first 1');
  });

  it('puts chosen parked events, then all of them, back in the outbox', async () => {
    expect((await hotline(['outbox', 'retry', '--service', 'intake', '--id', '9'])).stdout).toBe(
      "Put 1 parked event back in intake's outbox; its relay publishes them now.",
    );
    expect(await count('outbox')).toBe(1);
    expect((await hotline(['outbox', 'retry', '--service', 'intake', '--all'])).stdout).toContain('Put 2 parked events back');
    expect(await count('outbox')).toBe(3);
    expect(await count('outbox_parked')).toBe(0);
    expect((await hotline(['outbox', 'list', '--service', 'intake'])).stdout).toBe("No parked events in intake's outbox.");
  });

  it.each([
    [['outbox', 'list'], '--service is required.'],
    [['outbox', 'list', '--service', 'billing'], '--service billing is not one of intake, dispatch, quality, security.'],
    [['outbox', 'retry', '--service', 'intake'], 'retry needs --id ID (repeatable) or --all.'],
    [['outbox', 'retry', '--service', 'intake', '--id', 'x'], '--id x is not a positive whole number.'],
    [['outbox', 'retry', '--service', 'intake', '--id', '1', '--all'], 'Give --id or --all, not both.'],
    [['outbox', 'park'], 'Unknown outbox action "park".'],
  ])('refuses %j with a usage error', async (argv, message) => {
    const result = await hotline(argv);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(message);
  });
});
