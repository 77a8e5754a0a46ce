import { createHmac } from 'node:crypto';
import request from 'supertest';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';
import contactLens from './fixtures/amazon-connect/contact-lens-call-en.json';
import ctr from './fixtures/amazon-connect/ctr-voice-answered.json';
import genesys from './fixtures/genesys/conversation-details-query.json';
import created from './fixtures/twilio/task-created.json';
import { insertApiKey } from './support/api-keys';

const PUBLIC_URL = 'https://hotline.example.com';
const AUTH_TOKEN = '9f86d081884c7d659a2feaa0c55ad015';
const TWILIO_PATH = '/v1/adapters/twilio/taskrouter?tenant=acme';

/**
 * Intake keeps every platform delivery as sent, in jsonb, which cannot hold NUL or a lone UTF-16
 * surrogate: such a delivery is refused whole with a 400 naming each path in it, mapped field or
 * not, and nothing is stored; never a 500.
 */
describe('intake: platform deliveries holding text PostgreSQL cannot store (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;
  let key: string;
  let before: number;

  const post = (path: string, body: string, contentType = 'application/json') =>
    svc.http().post(path).set('Authorization', `Bearer ${key}`).set('Content-Type', contentType).send(body);
  const deliveries = async () => Number((await svc.db.query('SELECT count(*) AS n FROM intake.deliveries'))[0].n);
  const expectRefused = (res: request.Response, errors: Array<{ path: string; message: string }>) => {
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: 'urn:hotline:problem:validation', status: 400 });
    expect(res.body.errors).toEqual(errors);
  };
  const NUL = 'contains a NUL character (\\u0000), which cannot be stored';
  const SURROGATE = 'contains a lone UTF-16 surrogate (half of a pair, not a character), which cannot be stored';

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'intake', env: { INTAKE_PUBLIC_URL: PUBLIC_URL } });
    key = await insertApiKey(svc.db, 'acme');
    const operator = await svc.token({ tenant: '*', roles: ['admin'] });
    await svc.http().put('/v1/admin/tenants/acme/credentials/twilio').auth(operator, { type: 'bearer' }).send({ authToken: AUTH_TOKEN }).expect(204);
  });

  afterAll(() => svc?.stop());

  beforeEach(async () => {
    before = await deliveries();
  });

  afterEach(async () => {
    expect(await deliveries()).toBe(before);
  });

  it('contact records, as JSON or newline-delimited, naming unmapped fields and keys too', async () => {
    const json = JSON.stringify({ ...ctr, Recordings: 'rec\u0000', Attributes: { 'vip\ud800': 'yes' } });
    expectRefused(await post('/v1/adapters/amazon-connect/contact-records', json), [
      { path: 'Attributes.vip\\ud800', message: `the name 'vip\\ud800' ${SURROGATE}` },
      { path: 'Recordings', message: NUL },
    ]);
    const ndjson = `${JSON.stringify(ctr)}\n${JSON.stringify({ ...ctr, CustomerEndpoint: { Address: '+86\u0000' } })}\n`;
    expectRefused(await post('/v1/adapters/amazon-connect/contact-records', ndjson, 'application/x-ndjson'), [
      { path: '1.CustomerEndpoint.Address', message: NUL },
    ]);
  });

  it('a Contact Lens file', async () => {
    const file = structuredClone(contactLens) as { Transcript: Array<Record<string, unknown>> };
    file.Transcript[0]['Sentiment'] = '\udc00';
    expectRefused(await post('/v1/adapters/amazon-connect/contact-lens', JSON.stringify(file)), [
      { path: 'Transcript.0.Sentiment', message: SURROGATE },
    ]);
  });

  it('a Genesys conversation', async () => {
    const body = structuredClone(genesys) as { conversations: Array<Record<string, unknown>> };
    body.conversations[1]['originatingDirection'] = 'in\u0000bound';
    expectRefused(await post('/v1/adapters/genesys/conversations', JSON.stringify(body)), [
      { path: 'conversations.1.originatingDirection', message: NUL },
    ]);
  });

  it('a signed Twilio callback', async () => {
    const params = { ...created, TaskQueueName: 'Bill\u0000ing' };
    const signed = Object.keys(params)
      .sort()
      .reduce((data, name) => data + name + params[name as keyof typeof params], PUBLIC_URL + TWILIO_PATH);
    const res = await svc.http()
      .post(TWILIO_PATH)
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .set('X-Twilio-Signature', createHmac('sha1', AUTH_TOKEN).update(signed).digest('base64'))
      .send(new URLSearchParams(params).toString());
    expectRefused(res, [{ path: 'TaskQueueName', message: NUL }]);
  });
});
