import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';
import { insertApiKey } from './support/api-keys';

/** CloudEvents HTTP binary mode on POST /v1/events (binding v1.0.2 §3.1). */
describe('intake: POST /v1/events in CloudEvents binary mode (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;
  let key = '';

  const attributes = {
    specversion: '1.0',
    source: '/amazon-connect/acme',
    type: 'contact.queued',
    time: '2026-11-25T09:30:00+08:00',
    subject: '客户 42',
    correlationid: 'corr-binary',
    traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
  };
  const data = { contactId: 'contact-42', channel: 'voice', queue: 'billing', direction: 'inbound' };
  /** The same attributes as headers, percent-encoded as the binding says (only what needs it). */
  const ceHeaders = (id: string): Record<string, string> => ({
    'ce-specversion': '1.0',
    'ce-id': id,
    'ce-source': attributes.source,
    'ce-type': attributes.type,
    'ce-time': attributes.time,
    'ce-subject': '%E5%AE%A2%E6%88%B7%2042',
    'ce-correlationid': attributes.correlationid,
    'ce-traceparent': attributes.traceparent,
  });
  const postBinary = (headers: Record<string, string>, body: unknown, contentType = 'application/json; charset=utf-8') =>
    svc.http()
      .post('/v1/events')
      .set('Authorization', `Bearer ${key}`)
      .set(headers)
      .set('Content-Type', contentType)
      .send(JSON.stringify(body));
  const storedPayload = async (id: string): Promise<Record<string, unknown> | undefined> =>
    (await svc.db.query(`SELECT payload FROM intake.events WHERE event_id = $1`, [id]))[0]?.payload;

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'intake' });
    key = await insertApiKey(svc.db, 'acme');
  });

  afterAll(() => svc?.stop());

  it('accepts a binary-mode event and stores the same event a structured post gives', async () => {
    await postBinary(ceHeaders('bin-1'), data).expect(202).expect({ accepted: ['bin-1'], duplicates: [] });
    await svc.http()
      .post('/v1/events')
      .set('Authorization', `Bearer ${key}`)
      .set('Content-Type', 'application/cloudevents+json')
      .send(JSON.stringify({ ...attributes, id: 'str-1', data }))
      .expect(202);

    const binary = await storedPayload('bin-1');
    const structured = await storedPayload('str-1');
    expect(binary).toMatchObject({ id: 'bin-1', tenantid: 'acme', subject: '客户 42', datacontenttype: 'application/json', data });
    expect({ ...binary, id: 'same' }).toEqual({ ...structured, id: 'same' });
  });

  it('treats a resent binary-mode event as a duplicate', async () => {
    await postBinary(ceHeaders('bin-1'), data).expect(202).expect({ accepted: [], duplicates: ['bin-1'] });
  });

  it('answers a missing ce-id with a 400 naming id and the header', async () => {
    const { 'ce-id': _omitted, ...withoutId } = ceHeaders('ignored');
    const res = await postBinary(withoutId, data).expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.errors).toEqual([{ path: 'id', message: expect.stringContaining('(the ce-id header)') }]);
  });

  it('names invalid data fields with their path, and refuses ce-tenantid like a tenantid attribute', async () => {
    const res = await postBinary({ ...ceHeaders('bin-2'), 'ce-tenantid': 'other' }, { ...data, contactId: undefined }).expect(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'tenantid', message: expect.stringContaining('the tenant is determined by the API key') },
        { path: 'data.contactId', message: expect.stringContaining('(the request body)') },
      ]),
    );
    expect(await storedPayload('bin-2')).toBeUndefined();
  });

  it('refuses a header value that is not percent-encoded UTF-8, and a ce-datacontenttype header', async () => {
    const res = await postBinary({ ...ceHeaders('bin-3'), 'ce-subject': '%C0%A0', 'ce-datacontenttype': 'application/json' }, data).expect(400);
    expect(res.body.errors).toEqual([
      { path: 'subject', message: 'the ce-subject header is not valid UTF-8 once percent-decoded' },
      { path: 'datacontenttype', message: expect.stringContaining('Content-Type') },
    ]);
  });

  it('answers 415 for binary-mode data that is not JSON', async () => {
    const res = await svc.http()
      .post('/v1/events')
      .set('Authorization', `Bearer ${key}`)
      .set(ceHeaders('bin-4'))
      .set('Content-Type', 'text/plain')
      .send('hello')
      .expect(415);
    expect(res.body.detail).toContain('application/json');
    expect(await storedPayload('bin-4')).toBeUndefined();
  });

  it('documents binary mode in OpenAPI: the ce-* headers and the 415', async () => {
    const doc = (await svc.http().get('/docs-json').expect(200)).body;
    const post = doc.paths['/v1/events'].post;
    const headerNames = post.parameters.filter((p: { in: string }) => p.in === 'header').map((p: { name: string }) => p.name);
    expect(headerNames).toEqual(expect.arrayContaining(['ce-specversion', 'ce-id', 'ce-source', 'ce-type', 'ce-time', 'ce-subject']));
    expect(post.requestBody.description).toContain('Binary mode');
    expect(post.responses['415'].description).toContain('binary mode');
  });
});
