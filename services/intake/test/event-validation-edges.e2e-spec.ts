import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';
import { insertApiKey } from './support/api-keys';

/** Issue 7: one bad event never hurts another — each is a 400 naming its field, never a 500. */
describe('intake: times and text the store cannot take (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;
  let key = '';

  const abandoned = (id: string, time: string, data: Record<string, unknown> = {}) => ({
    id,
    source: '/amazon-connect/acme',
    type: 'contact.abandoned',
    time,
    data: { contactId: `contact-${id}`, ...data },
  });
  const post = (body: unknown) =>
    svc.http().post('/v1/events').set('Authorization', `Bearer ${key}`).send(body as object);
  const storedIds = async (prefix: string): Promise<string[]> =>
    (await svc.db.query(`SELECT event_id FROM intake.events WHERE event_id LIKE $1 ORDER BY event_id`, [`${prefix}%`])).map(
      (row: { event_id: string }) => row.event_id,
    );

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'intake' });
    key = await insertApiKey(svc.db, 'acme');
  });

  afterAll(() => svc?.stop());

  it('refuses a time far in the future (beyond the 300 s default skew) naming time, and accepts one a minute ahead', async () => {
    const far = await post(abandoned('future-far', '2099-01-01T00:00:00Z')).expect(400);
    expect(far.headers['content-type']).toContain('application/problem+json');
    expect(far.body.errors).toEqual([{ path: 'time', message: expect.stringContaining("ahead of intake's clock") }]);

    const soon = new Date(Date.now() + 60_000).toISOString();
    await post(abandoned('future-soon', soon)).expect(202).expect({ accepted: ['future-soon'], duplicates: [] });
    expect(await storedIds('future-')).toEqual(['future-soon']);
  });

  it('names the index of a future event in a batch, and keeps none of the batch', async () => {
    const res = await post({ events: [abandoned('batch-ok', '2026-11-25T09:30:00Z'), abandoned('batch-future', '2099-01-01T00:00:00Z')] }).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ index: 1, path: 'time' })]);
    expect(await storedIds('batch-')).toEqual([]);
  });

  it.each([
    ['1969-12-31T23:59:59Z', 'before the Unix epoch'],
    ['0001-01-01T00:00:00Z', 'before the Unix epoch'],
    ['2026-02-30T10:00:00Z', 'Expected an ISO 8601'],
  ])('refuses time %s with a 400 naming time', async (time, why) => {
    const res = await post(abandoned('odd-time', time)).expect(400);
    expect(res.body.errors).toEqual([{ path: 'time', message: expect.stringContaining(why) }]);
  });

  it('refuses NUL characters and lone surrogates anywhere in an event with a 400 naming each path', async () => {
    const res = await post({
      ...abandoned('text-\u0000', '2026-11-25T09:30:00Z', { contactId: 'c-1', queue: 'billing\ud800', note: { ['x\u0000']: ['ok', '\udc00'] } }),
      subject: 'bad\u0000subject',
    }).expect(400);
    expect(res.body.errors).toEqual([
      { path: 'id', message: 'contains a NUL character (\\u0000), which cannot be stored' },
      { path: 'data.queue', message: expect.stringContaining('a lone UTF-16 surrogate') },
      { path: 'data.note.x\\u0000', message: expect.stringContaining("the name 'x\\u0000' contains a NUL character") },
      { path: 'data.note.x\\u0000.1', message: expect.stringContaining('a lone UTF-16 surrogate') },
      { path: 'subject', message: expect.stringContaining('a NUL character') },
    ]);
    expect(await storedIds('text-')).toEqual([]);
  });

  it('still accepts the next good event (nothing was left half-done)', async () => {
    await post(abandoned('after-1', '2026-11-25T09:30:00Z')).expect(202).expect({ accepted: ['after-1'], duplicates: [] });
  });
});
