import { newCloudEvent } from '@hotline/contracts';
import { eventually, metricValue, publishToBus } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

const at = '2026-11-25T09:30:00+08:00';
const contact = <T extends 'contact.queued' | 'contact.answered' | 'contact.abandoned'>(type: T, data: object) =>
  newCloudEvent({ type, source: '/test', tenantId: 'acme', time: at, data: data as never });

describe('quality: contact tallies from the bus (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'quality', consumer: 'quality' });
  });

  afterAll(() => svc?.stop());

  it('counts each contact event once, however often it is delivered', async () => {
    const queued = contact('contact.queued', { contactId: 'c1', channel: 'voice', queue: 'billing', direction: 'inbound' });
    const answered = contact('contact.answered', { contactId: 'c1', agentId: 'a7', queue: 'billing' });
    const abandoned = contact('contact.abandoned', { contactId: 'c2', queue: 'billing' });
    await publishToBus(svc.env.namespace, [queued, queued, answered, abandoned, abandoned]);
    await eventually(async () => {
      const metrics = (await svc.http().get('/metrics')).text;
      expect(metricValue(metrics, 'hotline_events_consumed_total', { outcome: 'handled' })).toBe(3);
      expect(metricValue(metrics, 'hotline_events_consumed_total', { outcome: 'duplicate' })).toBe(2);
    });

    const token = await svc.token({ tenant: 'acme', roles: ['supervisor'] });
    const res = await svc.http()
      .get('/v1/kpis/contact-tallies?day=2026-11-25')
      .auth(token, { type: 'bearer' })
      .expect(200);
    expect(res.body).toEqual([
      { tenantId: 'acme', queue: 'billing', day: '2026-11-25', queued: 1, answered: 1, abandoned: 1, ended: 0 },
    ]);
  });

  it('rejects a malformed day with a problem naming it', async () => {
    const token = await svc.token({ tenant: 'acme', roles: ['supervisor'] });
    for (const query of ['day=yesterday', 'day=2026-02-30', 'day=2026-13-01', 'day=0000-00-00', 'day=2026-11-25&day=2026-11-26', '']) {
      const res = await svc.http().get(`/v1/kpis/contact-tallies?${query}`).auth(token, { type: 'bearer' }).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors).toEqual([{ path: 'query.day', message: expect.any(String) }]);
    }
    await svc.http().get('/v1/kpis/contact-tallies?day=2028-02-29').auth(token, { type: 'bearer' }).expect(200);
  });
});
