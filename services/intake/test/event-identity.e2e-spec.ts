import { eventually } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';
import { insertApiKey } from './support/api-keys';

const queued = (id: string, source = '/pbx-a', data: Record<string, unknown> = {}) => ({
  specversion: '1.0',
  id,
  source,
  type: 'contact.queued',
  time: '2026-11-25T09:30:00+08:00',
  data: { contactId: `contact-${id}`, channel: 'voice', queue: 'billing', direction: 'inbound', ...data },
});

/**
 * An event is identified by its tenant, source and id (CloudEvents): a faithful re-send is a
 * duplicate, a re-send with other content a conflict, and the same id from another source a new event.
 */
describe('intake: event identity and re-sends (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;
  let key = '';

  const post = (body: unknown) => svc.http().post('/v1/events').set('Authorization', `Bearer ${key}`).send(body as object);
  const kept = async (id: string): Promise<string[]> =>
    (await svc.db.query(`SELECT source FROM intake.events WHERE event_id = $1 ORDER BY source`, [id])).map((r: { source: string }) => r.source);

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'intake', tap: true });
    key = await insertApiKey(svc.db, 'acme');
  });

  afterAll(() => svc?.stop());

  it('accepts the same id from two sources as two events, stores and publishes both', async () => {
    await post(queued('shared-1', '/pbx-a')).expect(202, { accepted: ['shared-1'], duplicates: [] });
    await post(queued('shared-1', '/pbx-b')).expect(202, { accepted: ['shared-1'], duplicates: [] });
    expect(await kept('shared-1')).toEqual(['/pbx-a', '/pbx-b']);
    await eventually(async () => expect(svc.tap.events.filter((e) => e.id === 'shared-1').map((e) => e.source).sort()).toEqual(['/pbx-a', '/pbx-b']));
  });

  it('accepts the same id from two sources within one batch', async () => {
    await post({ events: [queued('shared-2', '/pbx-a'), queued('shared-2', '/pbx-b'), queued('shared-2', '/pbx-a')] }).expect(202, {
      accepted: ['shared-2', 'shared-2'],
      duplicates: ['shared-2'],
    });
    expect(await kept('shared-2')).toEqual(['/pbx-a', '/pbx-b']);
  });

  it('reports a re-sent source and id as a duplicate and publishes it once', async () => {
    await post(queued('same-1')).expect(202, { accepted: ['same-1'], duplicates: [] });
    await post(queued('same-1')).expect(202, { accepted: [], duplicates: ['same-1'] });
    await eventually(async () => expect(Number((await svc.db.query('SELECT count(*) AS n FROM intake.outbox'))[0].n)).toBe(0));
    expect(svc.tap.ids().filter((id) => id === 'same-1')).toHaveLength(1);
  });

  it('counts a faithful re-send as a duplicate even with another correlation id and the time in another offset', async () => {
    await post(queued('same-2')).set('X-Correlation-Id', 'first-request').expect(202, { accepted: ['same-2'], duplicates: [] });
    await post({ ...queued('same-2'), time: '2026-11-25T01:30:00Z' })
      .set('X-Correlation-Id', 'second-request')
      .expect(202, { accepted: [], duplicates: ['same-2'] });
    const [row] = await svc.db.query(`SELECT correlation_id FROM intake.events WHERE event_id = 'same-2'`);
    expect(row.correlation_id).toBe('first-request');
  });

  it('refuses a single re-send with other content with a 409 naming it, keeping and publishing only the first', async () => {
    await post(queued('changed-1')).expect(202, { accepted: ['changed-1'], duplicates: [] });
    const res = await post(queued('changed-1', '/pbx-a', { queue: 'sales' })).expect(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 409, detail: expect.stringContaining("'changed-1'") });
    expect(res.body.detail).toContain("'/pbx-a'");
    const [row] = await svc.db.query(`SELECT payload FROM intake.events WHERE event_id = 'changed-1'`);
    expect(row.payload.data.queue).toBe('billing');
    await eventually(async () => expect(Number((await svc.db.query('SELECT count(*) AS n FROM intake.outbox'))[0].n)).toBe(0));
    expect(svc.tap.events.filter((e) => e.id === 'changed-1')).toHaveLength(1);
  });

  it('lists re-sends with other content as conflicts in a batch, and stores the rest', async () => {
    await post(queued('changed-2')).expect(202);
    const res = await post({
      events: [queued('changed-2', '/pbx-a', { queue: 'sales' }), queued('fresh-2'), queued('fresh-2', '/pbx-a', { queue: 'sales' })],
    }).expect(202);
    expect(res.body).toEqual({
      accepted: ['fresh-2'],
      duplicates: [],
      conflicts: [
        { id: 'changed-2', source: '/pbx-a', status: 409, detail: expect.stringContaining("'changed-2'") },
        { id: 'fresh-2', source: '/pbx-a', status: 409, detail: expect.stringContaining("'fresh-2'") },
      ],
    });
    const rows = await svc.db.query(`SELECT event_id, payload FROM intake.events WHERE event_id IN ('changed-2', 'fresh-2') ORDER BY event_id`);
    expect(rows.map((r: { event_id: string; payload: { data: { queue: string } } }) => [r.event_id, r.payload.data.queue])).toEqual([
      ['changed-2', 'billing'],
      ['fresh-2', 'billing'],
    ]);
  });

  it('counts any re-send of an event kept before content hashes as a duplicate', async () => {
    await post(queued('legacy-1')).expect(202);
    await svc.db.query(`UPDATE intake.events SET content_hash = NULL WHERE event_id = 'legacy-1'`);
    await post(queued('legacy-1', '/pbx-a', { queue: 'sales' })).expect(202, { accepted: [], duplicates: ['legacy-1'] });
  });
});
