import { DataSource } from 'typeorm';
import { type CloudEvent, newCloudEvent } from '@hotline/contracts';
import {
  BusTap,
  createTestDatabase,
  deleteBrokerObjects,
  eventually,
  TcpProxy,
  TEST_AMQP_URL,
  type TestDatabase,
  testNamespace,
} from '@hotline/testing';
import {
  AmqpConnection,
  EventPublisher,
  Inbox,
  messagingMetrics,
  messagingTablesV1Sql,
  messagingTablesV2Sql,
  MessagingNames,
  Outbox,
  OutboxRelay,
  ParkedOutbox,
} from '../src';

const schema = 'svc';
const namespace = testNamespace();
const names = new MessagingNames(namespace);

const opened = (n: number) =>
  newCloudEvent({
    type: 'case.opened',
    source: 'test',
    tenantId: 'acme',
    data: { caseId: `case-${n}`, type: 'network_fault', priority: 'P2', summary: 'no signal' },
  });

describe('outbox relay and inbox (real PostgreSQL and RabbitMQ)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let proxy: TcpProxy;
  let connection: AmqpConnection;
  let publisher: EventPublisher;
  let tap: BusTap;
  const outbox = new Outbox(schema);

  const pending = async () => Number((await dataSource.query(`SELECT count(*) AS n FROM ${schema}.outbox`))[0].n);
  const commit = (events: CloudEvent[]) => dataSource.transaction((m) => outbox.add(m, events));

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    await dataSource.query(`CREATE SCHEMA ${schema}`);
    for (const sql of [...messagingTablesV1Sql(schema), ...messagingTablesV2Sql(schema)]) await dataSource.query(sql);

    const target = new URL(TEST_AMQP_URL);
    proxy = await TcpProxy.start(target.hostname, Number(target.port || 5672));
    const viaProxy = new URL(TEST_AMQP_URL);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    connection = new AmqpConnection(viaProxy.toString(), 'test-relay');
    publisher = new EventPublisher(connection, names, 2_000, []);
    tap = await BusTap.open(namespace);
  });

  afterAll(async () => {
    await tap?.close();
    await publisher?.close();
    await connection?.close();
    await proxy?.close();
    await dataSource?.destroy();
    await db?.drop();
    await deleteBrokerObjects([], [names.exchange]);
  });

  it('publishes committed rows, and only committed rows, then empties the outbox', async () => {
    const kept = [opened(1), opened(2)];
    await commit(kept);
    await expect(
      dataSource.transaction(async (m) => {
        await outbox.add(m, [opened(3)]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');

    const relay = new OutboxRelay(dataSource, publisher, { schema });
    expect(await relay.drain()).toBe(2);
    await eventually(async () => expect(tap.ids()).toEqual(expect.arrayContaining(kept.map((e) => e.id))));
    expect(await pending()).toBe(0);
  });

  it('is woken by NOTIFY as soon as a transaction commits', async () => {
    const relay = new OutboxRelay(dataSource, publisher, { schema, pollIntervalMs: 60_000 });
    await relay.start();
    try {
      const event = opened(4);
      await commit([event]);
      await eventually(async () => expect(tap.ids()).toContain(event.id), { timeoutMs: 5_000 });
    } finally {
      await relay.stop();
    }
  });

  it('takes outbox rows from a single statement through cteFrom, and that statement wakes the relay', async () => {
    const relay = new OutboxRelay(dataSource, publisher, { schema, pollIntervalMs: 60_000 });
    await relay.start();
    try {
      const event = opened(10);
      await dataSource.query(
        `WITH source AS (SELECT $1::text AS event_id, $2::text AS tenant_id, $3::text AS type, $4::jsonb AS payload), ${outbox.cteFrom('source')}
         SELECT event_id FROM source LEFT JOIN notified ON true`,
        [event.id, event.tenantid, event.type, JSON.stringify(event)],
      );
      await eventually(async () => expect(tap.ids()).toContain(event.id), { timeoutMs: 5_000 });
    } finally {
      await relay.stop();
    }
  });

  it('shares the work between replicas without publishing a row twice', async () => {
    const events = Array.from({ length: 300 }, (_, i) => opened(100 + i));
    await commit(events);
    const replicas = [1, 2, 3].map(() => new OutboxRelay(dataSource, publisher, { schema, batchSize: 25 }));
    const counts = await Promise.all(replicas.map((r) => r.drain()));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(300);
    await eventually(async () => expect(tap.ids().filter((id) => events.some((e) => e.id === id))).toHaveLength(300));
    const received = tap.ids();
    expect(new Set(received).size).toBe(received.length);
  });

  it('keeps rows while the broker is unreachable and publishes them when it is back', async () => {
    proxy.cut();
    await eventually(async () => expect(connection.isConnected()).toBe(false));
    const event = opened(5);
    await commit([event]);
    const relay = new OutboxRelay(dataSource, publisher, { schema });
    expect(await relay.drain()).toBe(0);
    expect(await pending()).toBe(1);

    proxy.restore();
    await eventually(async () => expect(connection.isConnected()).toBe(true));
    expect(await relay.drain()).toBe(1);
    await eventually(async () => expect(tap.ids()).toContain(event.id));
  });

  describe('a row it cannot publish', () => {
    const parked = new ParkedOutbox(schema);
    // Straight to the broker, not through the proxy the outage test cut: what this tests is the
    // relay's handling of rows, not a struggling connection.
    let direct: AmqpConnection;
    let publisher: EventPublisher;
    beforeAll(() => {
      direct = new AmqpConnection(TEST_AMQP_URL, 'test-relay-direct');
      publisher = new EventPublisher(direct, names, 10_000, []);
    });
    afterAll(async () => {
      await publisher.close();
      await direct.close();
    });
    // Each test starts with no parked rows, whatever the one before left.
    afterEach(() => dataSource.query(`DELETE FROM ${schema}.outbox_parked`));
    const sql = (text: string, params?: unknown[]) => dataSource.query(text, params);
    const insertRaw = (payload: unknown) =>
      dataSource.query(`INSERT INTO ${schema}.outbox (event_id, tenant_id, type, payload) VALUES ('raw', 'acme', 'raw', $1::jsonb)`, [
        JSON.stringify(payload),
      ]);

    it('is parked with its reason while the 1,000 events behind it are all delivered', async () => {
      const unroutable = { ...opened(2000), type: 'x'.repeat(300) };
      await insertRaw(unroutable);
      await insertRaw('not an event');
      const behind = Array.from({ length: 1000 }, (_, i) => opened(3000 + i));
      await commit(behind);
      const parkedBefore = (await messagingMetrics.outboxParked.get()).values[0]?.value ?? 0;

      // Polling on (1 s): under a loaded machine this test's 2 s publish timeout can pause a drain.
      const relay = new OutboxRelay(dataSource, publisher, { schema });
      await relay.start();
      try {
        await eventually(async () => expect(tap.ids()).toEqual(expect.arrayContaining(behind.map((e) => e.id))), { timeoutMs: 60_000 });
        // The two bad rows may still be on their member-by-member retry when the last good one lands.
        await eventually(async () => {
          expect(await pending()).toBe(0);
          expect(relay.parkedRows()).toBe(2);
        });
      } finally {
        await relay.stop();
      }
      const rows = await parked.list(sql, { limit: 10 });
      expect(rows.map((r) => r.reason)).toEqual([
        'the event type is 300 bytes; an AMQP routing key holds at most 255',
        'the outbox payload is not a JSON object',
      ]);
      expect((await messagingMetrics.outboxParked.get()).values[0]?.value).toBe(parkedBefore + 2);
      expect(tap.ids()).not.toContain(unroutable.id);

      // Retried, they go back to the outbox (and would be parked again); the list narrows by tenant.
      expect(await parked.list(sql, { limit: 10, tenantId: 'globex' })).toEqual([]);
      expect(await parked.retry(sql, [rows[1].id])).toBe(1);
      expect(await pending()).toBe(1);
      expect(await parked.retry(sql, 'all')).toBe(1);
      expect(await pending()).toBe(2);
      await new OutboxRelay(dataSource, publisher, { schema }).drain();
      expect(await pending()).toBe(0);
      expect(await parked.count(sql)).toBe(2);
    }, 90_000);

    it('publishes events whose time or id the AMQP properties cannot carry, leaving those properties out', async () => {
      const ancient = { ...opened(4000), time: '1969-12-31T23:59:59Z' };
      const longId = { ...opened(4001), id: '工'.repeat(150) }; // 450 bytes: over AMQP's 255-byte short string
      await commit([ancient, longId]);
      expect(await new OutboxRelay(dataSource, publisher, { schema }).drain()).toBe(2);
      await eventually(async () => expect(tap.ids()).toEqual(expect.arrayContaining([ancient.id, longId.id])));
      expect(await parked.count(sql)).toBe(0);
    });
  });

  describe('inbox', () => {
    const inbox = () => new Inbox(dataSource, schema);
    const count = async () => Number((await dataSource.query(`SELECT count(*) AS n FROM ${schema}.effects`))[0].n);
    const effect = (m: import('typeorm').EntityManager) => m.query(`INSERT INTO ${schema}.effects DEFAULT VALUES`);

    beforeAll(() => dataSource.query(`CREATE TABLE ${schema}.effects (id serial PRIMARY KEY)`));

    it('applies an event once, however often it is delivered, even concurrently', async () => {
      const event = opened(6);
      expect(await inbox().apply('svc.cases', event, effect)).toBe('applied');
      expect(await inbox().apply('svc.cases', event, effect)).toBe('duplicate');
      const twin = opened(7);
      const outcomes = await Promise.all([1, 2, 3].map(() => inbox().apply('svc.cases', twin, effect)));
      expect(outcomes.sort()).toEqual(['applied', 'duplicate', 'duplicate']);
      expect(await count()).toBe(2);
    });

    it('lets another consumer apply the same event, and the same id from another tenant', async () => {
      const event = opened(8);
      expect(await inbox().apply('svc.cases', event, effect)).toBe('applied');
      expect(await inbox().apply('svc.audit', event, effect)).toBe('applied');
      expect(await inbox().apply('svc.cases', { ...event, tenantid: 'globex' }, effect)).toBe('applied');
    });

    it('applies the same id from another source, and counts an id kept before sources were as seen', async () => {
      const event = opened(11);
      expect(await inbox().apply('svc.cases', event, effect)).toBe('applied');
      expect(await inbox().apply('svc.cases', { ...event, source: '/another/platform' }, effect)).toBe('applied');
      expect(await inbox().apply('svc.cases', { ...event, source: '/another/platform' }, effect)).toBe('duplicate');

      const legacy = opened(12);
      await dataSource.query(`INSERT INTO ${schema}.inbox (consumer, tenant_id, event_id, type) VALUES ('svc.cases', 'acme', $1, 'case.opened')`, [
        legacy.id,
      ]);
      expect(await inbox().apply('svc.cases', legacy, effect)).toBe('duplicate');
    });

    it('records nothing when the effects fail, so a retry applies them', async () => {
      const event = opened(9);
      const before = await count();
      await expect(
        inbox().apply('svc.cases', event, async (m) => {
          await effect(m);
          throw new Error('effects failed');
        }),
      ).rejects.toThrow('effects failed');
      expect(await count()).toBe(before);
      expect(await inbox().apply('svc.cases', event, effect)).toBe('applied');
    });
  });
});
