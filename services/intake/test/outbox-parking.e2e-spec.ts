import { eventually, metricValue } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';
import { insertApiKey } from './support/api-keys';

const queued = (n: number) => ({
  id: `behind-${n}`,
  source: '/amazon-connect/acme',
  type: 'contact.queued',
  time: '2026-11-25T09:30:00+08:00',
  data: { contactId: `contact-${n}`, channel: 'voice', queue: 'billing', direction: 'inbound' },
});

describe('intake: an outbox row the relay cannot publish (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;
  let key: string;
  const count = async (table: string) => Number((await svc.db.query(`SELECT count(*) AS n FROM intake.${table}`))[0].n);

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'intake', tap: true });
    key = await insertApiKey(svc.db, 'acme');
  });

  afterAll(() => svc?.stop());

  it('is parked, counted and reported while the 1,000 events behind it are all delivered', async () => {
    await svc.db.query(
      `INSERT INTO intake.outbox (event_id, tenant_id, type, payload) VALUES ('poison', 'globex', $1, $2::jsonb)`,
      ['x'.repeat(300), JSON.stringify({ id: 'poison', type: 'x'.repeat(300), tenantid: 'globex' })],
    );
    const behind = Array.from({ length: 1000 }, (_, n) => queued(n));
    await svc.http().post('/v1/events').set('Authorization', `Bearer ${key}`).send({ events: behind }).expect(202);

    await eventually(async () => expect(svc.tap.ids()).toEqual(expect.arrayContaining(behind.map((e) => e.id))), { timeoutMs: 20_000 });
    await eventually(async () => expect(await count('outbox')).toBe(0));
    expect(await count('outbox_parked')).toBe(1);

    await eventually(async () => {
      const health = await svc.http().get('/health').expect(200);
      expect(health.body).toMatchObject({ status: 'degraded', info: { outbox: { status: 'up', parked: 1, degraded: true } } });
    });
    const metrics = await svc.http().get('/metrics').expect(200);
    expect(metricValue(metrics.text, 'hotline_outbox_parked_total')).toBeGreaterThanOrEqual(1);
    expect(metricValue(metrics.text, 'hotline_outbox_parked_rows')).toBe(1);

    // Once someone has dealt with it, the service reports healthy again.
    await svc.db.query('DELETE FROM intake.outbox_parked');
    await eventually(async () => expect((await svc.http().get('/health').expect(200)).body.status).toBe('ok'));
  });
});
