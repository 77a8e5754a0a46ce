import type { CloudEvent } from '@hotline/contracts';
import { eventually } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';
import { idCardCheckCharacter } from '../src/masking';
import { insertApiKey } from './support/api-keys';

const queued = (id: string, data: Record<string, unknown> = {}) => ({
  specversion: '1.0',
  id,
  source: '/amazon-connect/acme',
  type: 'contact.queued',
  time: '2026-11-25T09:30:00+08:00',
  data: { contactId: `contact-${id}`, channel: 'voice', queue: 'billing', direction: 'inbound', ...data },
});

describe('intake: POST /v1/events (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;
  const keys: Record<'valid' | 'revoked' | 'readOnly', string> = { valid: '', revoked: '', readOnly: '' };
  /** The last event published with this id, as it went on the bus. */
  const published = (id: string) => svc.tap.events.findLast((e) => e.id === id) as CloudEvent<Record<string, unknown>> | undefined;

  const post = (body: unknown, key = keys.valid) =>
    svc.http().post('/v1/events').set('Authorization', `Bearer ${key}`).send(body as object);
  const stored = async () => Number((await svc.db.query('SELECT count(*) AS n FROM intake.events'))[0].n);
  const pending = async () => Number((await svc.db.query('SELECT count(*) AS n FROM intake.outbox'))[0].n);

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'intake', tap: true });
    keys.valid = await insertApiKey(svc.db, 'acme');
    keys.revoked = await insertApiKey(svc.db, 'acme', { revoked: true });
    keys.readOnly = await insertApiKey(svc.db, 'acme', { scopes: ['events:read'] });
  });

  afterAll(() => svc?.stop());

  it('accepts an event, stores it with its tenant, and publishes it', async () => {
    const res = await post(queued('e-1')).expect(202);
    expect(res.body).toEqual({ accepted: ['e-1'], duplicates: [] });
    await eventually(async () => expect(svc.tap.ids()).toContain('e-1'));
    const [row] = await svc.db.query(`SELECT tenant_id, payload FROM intake.events WHERE event_id = 'e-1'`);
    expect(row.tenant_id).toBe('acme');
    expect(row.payload).toMatchObject({ tenantid: 'acme', specversion: '1.0', dataversion: '1' });
  });

  it("publishes events in the request's W3C trace: same trace id, intake's own span", async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const caller = `00-${traceId}-00f067aa0ba902b7-01`;
    await post(queued('e-traced'))
      .set('traceparent', caller)
      .set('tracestate', 'vendor=abc')
      .expect(202);
    await eventually(async () => expect(published('e-traced')).toBeDefined());
    const event = published('e-traced') as CloudEvent & { traceparent?: string; tracestate?: string };
    expect(event.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    expect(event.traceparent).not.toBe(caller);
    expect(event.tracestate).toBe('vendor=abc');

    // The trace is not content: the same event re-sent in another trace is a duplicate, not a conflict.
    const resent = await post(queued('e-traced')).set('traceparent', `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01`).expect(202);
    expect(resent.body).toEqual({ accepted: [], duplicates: ['e-traced'] });

    // Without a (valid) traceparent the request starts a trace of its own.
    await post(queued('e-untraced')).set('traceparent', 'not-a-trace').expect(202);
    await eventually(async () => expect(published('e-untraced')).toBeDefined());
    const untraced = published('e-untraced') as CloudEvent & { traceparent?: string };
    expect(untraced.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(untraced.traceparent).not.toContain(traceId);
  });

  it('masks personal data before storing or publishing, and says what it masked', async () => {
    const idCard = `11010519491231002${idCardCheckCharacter('11010519491231002')}`;
    const transcript = {
      id: 't-1',
      source: '/test',
      type: 'transcript.recorded',
      time: '2026-11-25T09:35:00+08:00',
      data: {
        contactId: 'contact-t-1',
        language: 'zh',
        segments: [
          { role: 'customer', text: `我的身份证号是${idCard}，邮箱zhang.san@example.com`, beginOffsetMs: 0, endOffsetMs: 4000 },
          { role: 'agent', text: '好的，您的手机号是一三八一二三四五六七八吗', beginOffsetMs: 4000, endOffsetMs: 7000 },
        ],
      },
    };
    await post(transcript).expect(202);
    await eventually(async () => expect(published('t-1')).toBeDefined());
    const [row] = await svc.db.query(`SELECT payload FROM intake.events WHERE event_id = 't-1'`);
    for (const kept of [JSON.stringify(published('t-1')), JSON.stringify(row.payload)]) {
      expect(kept).not.toContain(idCard);
      expect(kept).not.toContain('zhang.san@example.com');
      expect(kept).not.toContain('一三八一二三四五六七八');
      expect(kept).toContain('contact-t-1');
    }
    expect(published('t-1')?.data.redactions).toEqual(
      expect.arrayContaining([
        { path: 'segments.0.text', kind: 'id_card', count: 1 },
        { path: 'segments.0.text', kind: 'email', count: 1 },
        { path: 'segments.1.text', kind: 'mobile', count: 1 },
      ]),
    );
  });

  it('reports a resent id as a duplicate and does not publish it again', async () => {
    const res = await post(queued('e-1')).expect(202);
    expect(res.body).toEqual({ accepted: [], duplicates: ['e-1'] });
    await eventually(async () => expect(await pending()).toBe(0));
    expect(svc.tap.ids().filter((id) => id === 'e-1')).toHaveLength(1);
  });

  it('accepts an id once when many requests race with it (they may share one commit)', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => post(queued('race-1')).expect(202)));
    expect(answers.filter((a) => a.body.accepted.length === 1)).toHaveLength(1);
    expect(answers.filter((a) => a.body.duplicates[0] === 'race-1')).toHaveLength(9);
    await eventually(async () => expect(await pending()).toBe(0));
    expect(svc.tap.ids().filter((id) => id === 'race-1')).toHaveLength(1);
  });

  it('accepts a batch, and a CloudEvents JSON batch', async () => {
    await post({ events: [queued('b-1'), queued('b-2'), queued('b-1')] })
      .expect(202)
      .expect({ accepted: ['b-1', 'b-2'], duplicates: ['b-1'] });
    await svc.http()
      .post('/v1/events')
      .set('Authorization', `Bearer ${keys.valid}`)
      .set('Content-Type', 'application/cloudevents-batch+json')
      .send(JSON.stringify([queued('b-3')]))
      .expect(202)
      .expect({ accepted: ['b-3'], duplicates: [] });
    await eventually(async () => expect(svc.tap.ids()).toEqual(expect.arrayContaining(['b-1', 'b-2', 'b-3'])));
  });

  it('rejects a batch with any invalid event whole, listing every error with its index and path', async () => {
    const before = await stored();
    const res = await post({ events: [queued('v-1'), queued('v-2', { contactId: undefined }), { ...queued('v-3'), type: 'sla.breached' }] }).expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ index: 1, path: 'data.contactId' }),
        expect.objectContaining({ index: 2, path: 'type' }),
      ]),
    );
    expect(await stored()).toBe(before);
  });

  it('names the invalid field of a single event', async () => {
    const res = await post({ ...queued('s-1'), time: 'yesterday' }).expect(400);
    expect(res.body).toMatchObject({ status: 400, errors: [expect.objectContaining({ path: 'time' })] });
    expect(res.body.errors[0].index).toBeUndefined();
  });

  it('answers malformed JSON with 400 and a wrong content type with 415, never 5xx', async () => {
    const malformed = await svc.http()
      .post('/v1/events')
      .set('Authorization', `Bearer ${keys.valid}`)
      .set('Content-Type', 'application/json')
      .send('{"id": ')
      .expect(400);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
    await svc.http()
      .post('/v1/events')
      .set('Authorization', `Bearer ${keys.valid}`)
      .set('Content-Type', 'text/plain')
      .send('hello')
      .expect(415);
  });

  it('answers 413 for more than 1,000 events or more than 1 MiB, and 400 for an unknown type', async () => {
    const tooMany = await post({ events: Array.from({ length: 1001 }, (_, i) => queued(`big-${i}`)) }).expect(413);
    expect(tooMany.body).toMatchObject({ status: 413, detail: expect.stringContaining('1000') });
    const huge = { ...queued('huge-1'), data: { ...queued('huge-1').data, note: 'x'.repeat(1024 * 1024) } };
    const tooBig = await post(huge).expect(413);
    expect(tooBig.headers['content-type']).toContain('application/problem+json');
    const unknown = await post({ ...queued('u-1'), type: 'contact.teleported' }).expect(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ path: 'type' })]);
    const [kept] = await svc.db.query(`SELECT count(*)::int AS n FROM intake.events WHERE event_id LIKE 'big-%' OR event_id IN ('huge-1', 'u-1')`);
    expect(kept.n).toBe(0);
  });

  it('refuses requests without a valid key: 401 missing or unknown, 403 revoked or wrong scope', async () => {
    await svc.http().post('/v1/events').send(queued('a-1')).expect(401);
    await post(queued('a-1'), 'hlk_nothere_abcdefghijklmnopqrstuvwxyz012345').expect(401);
    await post(queued('a-1'), keys.revoked).expect(403);
    await post(queued('a-1'), keys.readOnly).expect(403);
    expect((await svc.db.query(`SELECT count(*) AS n FROM intake.events WHERE event_id = 'a-1'`))[0].n).toBe('0');
  });

  it('records when a key was last used', async () => {
    await eventually(async () => {
      const [row] = await svc.db.query(`SELECT last_used_at FROM intake.api_keys WHERE scopes = '{events:write}' AND revoked_at IS NULL`);
      expect(row.last_used_at).not.toBeNull();
    });
  });
});
