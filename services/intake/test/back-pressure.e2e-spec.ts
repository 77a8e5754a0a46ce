import { eventually, TcpProxy, TEST_AMQP_URL } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';
import { insertApiKey } from './support/api-keys';

const queued = (id: string) => ({
  id,
  source: '/test',
  type: 'contact.queued',
  time: '2026-11-25T09:30:00+08:00',
  data: { contactId: id, channel: 'voice', queue: 'billing', direction: 'inbound' },
});

/** Intake reaches PostgreSQL and RabbitMQ through proxies the test can cut, as an outage would. */
describe('intake under back-pressure: rate limits, broker outage, database outage', () => {
  let svc: StartedService;
  let dbProxy: TcpProxy;
  let brokerProxy: TcpProxy;
  const keys: Record<string, string> = {};

  const post = (body: unknown, tenant = 'acme') =>
    svc.http().post('/v1/events').set('Authorization', `Bearer ${keys[tenant]}`).send(body as object);
  const pending = async () => Number((await svc.db.query('SELECT count(*) AS n FROM intake.outbox'))[0].n);

  beforeAll(async () => {
    svc = await startService(AppModule, {
      name: 'intake',
      tap: true,
      // The service, not the test's own svc.db, goes through the proxies.
      env: async (env) => {
        const dbUrl = new URL(env.db.url);
        dbProxy = await TcpProxy.start(dbUrl.hostname, Number(dbUrl.port || 5432));
        const brokerUrl = new URL(TEST_AMQP_URL);
        brokerProxy = await TcpProxy.start(brokerUrl.hostname, Number(brokerUrl.port || 5672));
        dbUrl.host = `127.0.0.1:${dbProxy.port}`;
        brokerUrl.host = `127.0.0.1:${brokerProxy.port}`;
        return {
          DATABASE_URL: dbUrl.toString(),
          AMQP_URL: brokerUrl.toString(),
          INTAKE_RATE_LIMIT_EVENTS_PER_SECOND: '50',
          INTAKE_RATE_LIMIT_BURST: '100',
        };
      },
    });
    for (const tenant of ['acme', 'flood']) keys[tenant] = await insertApiKey(svc.db, tenant);
  });

  afterAll(async () => {
    await svc?.stop();
    await dbProxy?.close();
    await brokerProxy?.close();
  });

  it('answers 429 with Retry-After once a tenant is over its rate, without slowing other tenants', async () => {
    const batch = (prefix: string) => ({ events: Array.from({ length: 100 }, (_, i) => queued(`${prefix}-${i}`)) });
    await post(batch('f1'), 'flood').expect(202);
    const limited = await post(batch('f2'), 'flood').expect(429);
    expect(limited.headers['retry-after']).toBe('2');
    expect(limited.headers['content-type']).toContain('application/problem+json');
    await post(queued('acme-1')).expect(202);
  });

  it('keeps accepting while the broker is down, and the relay catches up when it is back', async () => {
    brokerProxy.cut();
    const during = ['outage-1', 'outage-2', 'outage-3'];
    for (const id of during) await post(queued(id)).expect(202);
    expect(await pending()).toBeGreaterThanOrEqual(3);
    expect(svc.tap.ids()).not.toContain('outage-1');

    brokerProxy.restore();
    await eventually(async () => expect(svc.tap.ids()).toEqual(expect.arrayContaining(during)), { timeoutMs: 20_000 });
    await eventually(async () => expect(await pending()).toBe(0));
  });

  it('answers 503 with Retry-After while PostgreSQL is down, keeps nothing, and recovers', async () => {
    dbProxy.cut();
    const res = await post(queued('db-down-1'));
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBeDefined();
    expect(res.body).toMatchObject({ status: 503 });
    await svc.http().get('/health').expect(503);

    dbProxy.restore();
    await eventually(async () => expect((await post(queued('db-back-1'))).status).toBe(202));
    expect((await svc.db.query(`SELECT event_id FROM intake.events WHERE event_id LIKE 'db-%'`)).map((r: { event_id: string }) => r.event_id)).toEqual([
      'db-back-1',
    ]);
  });
});
