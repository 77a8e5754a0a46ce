import { DataSource } from 'typeorm';
import type { CloudEvent } from '@hotline/contracts';
import { Outbox } from '@hotline/messaging';
import { ProblemException } from '@hotline/platform';
import { createTestDatabase, type TestDatabase } from '@hotline/testing';
import { INTAKE_MIGRATIONS } from '../src/database/migrations';
import { contentHash } from '../src/ingest/domain/content-hash';
import { eventKey } from '../src/ingest/domain/ingest-batch';
import { EventStore } from '../src/ingest/event-store';

const event = (tenant: string, id: string, extra: Partial<CloudEvent> & Record<string, unknown> = {}): CloudEvent => ({
  specversion: '1.0',
  id,
  source: '/pbx',
  type: 'contact.queued',
  time: '2026-11-25T09:30:00+08:00',
  datacontenttype: 'application/json',
  dataversion: '1',
  tenantid: tenant,
  data: { contactId: `contact-${id}`, channel: 'voice', queue: 'billing', direction: 'inbound' },
  ...extra,
});

const hashed = (e: CloudEvent) => ({ event: e, hash: contentHash(e) });

/**
 * The store alone on a real database, with events that validation would refuse (intake validates
 * before storing): what PostgreSQL refuses must fail only the request that carried it, even when
 * it shares a group commit with other tenants' requests.
 */
describe('EventStore group commit (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let store: EventStore;

  const storedIds = async (like: string): Promise<string[]> =>
    (await dataSource.query(`SELECT event_id FROM intake.events WHERE event_id LIKE $1 ORDER BY event_id`, [like])).map((r: { event_id: string }) => r.event_id);
  const outboxIds = async (like: string): Promise<string[]> =>
    (await dataSource.query(`SELECT event_id FROM intake.outbox WHERE event_id LIKE $1 ORDER BY event_id`, [like])).map((r: { event_id: string }) => r.event_id);

  beforeAll(async () => {
    db = await createTestDatabase();
    const admin = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    await admin.query('CREATE SCHEMA intake');
    await admin.destroy();
    dataSource = await new DataSource({ type: 'postgres', url: db.url, schema: 'intake', migrations: INTAKE_MIGRATIONS, migrationsTableName: 'migrations' }).initialize();
    await dataSource.runMigrations();
    store = new EventStore(dataSource, new Outbox('intake'));
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it.each([
    ['a NUL in data', (id: string) => event('mallory', id, { data: { contactId: 'c\u0000', channel: 'voice', queue: 'q', direction: 'inbound' } })],
    ['a lone surrogate in data', (id: string) => event('mallory', id, { data: { contactId: 'c\ud800', channel: 'voice', queue: 'q', direction: 'inbound' } })],
    ['a NUL in the id', (id: string) => event('mallory', `${id}\u0000`)],
    ['a lone surrogate in the id', (id: string) => event('mallory', `${id}\ud800`)],
    ['a NUL in an extension attribute', (id: string) => event('mallory', id, { region: 'north\u0000' })],
  ])('fails only the request with %s; 40 concurrent good requests of other tenants are stored', async (_, poisoned) => {
    const prefix = `g${Math.random().toString(36).slice(2, 8)}-`;
    // The first few commit at once; the rest wait and share group commits with the poisoned ones.
    const good = Array.from({ length: 40 }, (_, i) => ({ tenantId: `tenant-${i % 4}`, id: `${prefix}${i}` }));
    const goodEvents = good.map(({ tenantId, id }, i) => (i % 5 === 0 ? [event(tenantId, id), event(tenantId, `${id}-b`)] : [event(tenantId, id)]));
    const goodAnswers = good.map(({ tenantId }, i) => store.store({ tenantId, events: goodEvents[i].map(hashed) }));
    const badIds = [10, 25, 39].map((n) => `${prefix}bad-${n}`);
    const bad = [10, 25, 39].map((n) =>
      store.store({ tenantId: 'mallory', events: [event('mallory', `${prefix}ok-${n}`), poisoned(`${prefix}bad-${n}`)].map(hashed) }),
    );

    const settled = await Promise.allSettled(goodAnswers);
    expect(settled.filter((s) => s.status === 'rejected')).toEqual([]);
    settled.forEach((answer, i) =>
      expect(answer).toEqual({ status: 'fulfilled', value: new Map(goodEvents[i].map((e) => [eventKey(e), { stored: true, keptHash: contentHash(e) }])) }),
    );
    (await Promise.allSettled(bad)).forEach((answer, i) => {
      expect(answer.status).toBe('rejected');
      const reason = (answer as PromiseRejectedResult).reason;
      expect(reason).toBeInstanceOf(ProblemException);
      // Named: the poisoned event, not the good one beside it in the same request.
      expect((reason as ProblemException).problem).toMatchObject({ status: 400, detail: expect.stringContaining(`The event '${badIds[i]}`) });
      expect((reason as ProblemException).problem.detail).toContain("from source '/pbx' could not be stored");
    });

    const expected = goodEvents.flat().map((e) => e.id).sort();
    expect(await storedIds(`${prefix}%`)).toEqual(expected);
    // Nothing of a refused request is half-applied: not its good event, not an outbox row.
    expect(await outboxIds(`${prefix}%`)).toEqual(expected);
  });

  it('tells every concurrent sender of one key what was kept, whether they shared a statement or raced in separate ones', async () => {
    // The first four commit as concurrent statements (racing on the key), the rest share a group commit.
    const versions = Array.from({ length: 12 }, (_, i) => event('acme', 'contended-1', { data: { contactId: `c-${i}`, channel: 'voice', queue: 'q', direction: 'inbound' } }));
    const answers = await Promise.all(versions.map((e) => store.store({ tenantId: 'acme', events: [hashed(e)] })));
    const outcomes = answers.map((answer) => answer.get(eventKey(versions[0])));
    const winners = outcomes.flatMap((outcome, i) => (outcome?.stored ? [i] : []));
    expect(winners).toHaveLength(1);
    const keptHash = contentHash(versions[winners[0]]);
    expect(outcomes).toEqual(versions.map((_, i) => ({ stored: i === winners[0], keptHash })));
    const [row] = await dataSource.query(`SELECT content_hash FROM intake.events WHERE event_id = 'contended-1'`);
    expect(row.content_hash).toBe(keptHash);
  });

  it('refuses a request whose original delivery PostgreSQL refuses, keeping none of its events', async () => {
    const refused = store.store({ tenantId: 'acme', events: [hashed(event('acme', 'delivered-1'))], original: { adapter: 'test', payload: { note: 'nul\u0000' } } });
    await expect(refused).rejects.toMatchObject({ problem: { status: 400, detail: expect.stringMatching(/^The event could not be stored: /) } });
    expect(await storedIds('delivered-%')).toEqual([]);
  });
});
