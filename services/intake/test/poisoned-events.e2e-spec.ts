import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';
import { insertApiKey } from './support/api-keys';

const queued = (id: string, extra: Record<string, unknown> = {}, data: Record<string, unknown> = {}) => ({
  specversion: '1.0',
  id,
  source: '/pbx',
  type: 'contact.queued',
  time: '2026-11-25T09:30:00+08:00',
  data: { contactId: `contact-${id}`, channel: 'voice', queue: 'billing', direction: 'inbound', ...data },
  ...extra,
});

/** Strings PostgreSQL's jsonb refuses: JSON carries them (\u0000, a lone \ud800), PostgreSQL does not. */
const POISONED = {
  'NUL in the id': queued('bad-nul-id\u0000'),
  'lone surrogate in the id': queued('bad-surrogate-id\ud800'),
  'NUL in data': queued('bad-nul-data', {}, { queue: 'billing\u0000' }),
  'lone surrogate in data': queued('bad-surrogate-data', {}, { queue: 'billing\ud800' }),
  'NUL in an extension attribute': queued('bad-nul-ext', { region: 'north\u0000' }),
  'lone surrogate in an extension attribute': queued('bad-surrogate-ext', { region: 'north\ud800' }),
};

/**
 * Concurrent requests share group commits; one request's unstorable event must fail that request
 * alone (4xx), never the other tenants' requests committed beside it. Whether validation refuses
 * such strings first or the store isolates them, the answers are the same.
 */
describe('intake: an unstorable event fails only its own request (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;
  const keys: Record<string, string> = {};
  const tenants = ['acme', 'globex', 'initech', 'umbrella'];

  const post = (tenant: string, body: unknown) =>
    svc.http().post('/v1/events').set('Authorization', `Bearer ${keys[tenant]}`).send(body as object);

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'intake' });
    for (const tenant of [...tenants, 'mallory']) keys[tenant] = await insertApiKey(svc.db, tenant);
  });

  afterAll(() => svc?.stop());

  it('answers every good request 202 and each poisoned one 4xx, however they are grouped', async () => {
    const good = Array.from({ length: 40 }, (_, i) => ({ tenant: tenants[i % tenants.length], id: `good-${i}` }));
    const poisoned = Object.entries(POISONED);
    const goodAnswers = good.map(({ tenant, id }) => post(tenant, queued(id)));
    // Alone and inside a batch with a good event, interleaved with the good requests.
    const badAnswers = poisoned.flatMap(([, event], i) => [
      post('mallory', event),
      post('mallory', { events: [queued(`mallory-ok-${i}`), event] }),
    ]);

    // Supertest sends when awaited: start them all at once so they share group commits.
    const all = await Promise.all([...goodAnswers, ...badAnswers]);
    const answers = all.slice(0, goodAnswers.length);
    answers.forEach((answer, i) => {
      expect({ status: answer.status, body: answer.body }).toEqual({ status: 202, body: { accepted: [good[i].id], duplicates: [] } });
    });
    for (const answer of all.slice(goodAnswers.length)) {
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(answer.headers['content-type']).toContain('application/problem+json');
    }

    const rows: { tenant_id: string; event_id: string }[] = await svc.db.query(`SELECT tenant_id, event_id FROM intake.events`);
    expect(rows.map((r) => `${r.tenant_id}/${r.event_id}`).sort()).toEqual(good.map(({ tenant, id }) => `${tenant}/${id}`).sort());
  });
});
