import request from 'supertest';
import { MAX_JSON_DEPTH } from '@hotline/platform';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';
import { insertApiKey } from './support/api-keys';

/** `levels` nested arrays or objects around `inner`, as JSON text: the body itself is level 1. */
const nestedArrays = (levels: number, inner = '') => '['.repeat(levels) + inner + ']'.repeat(levels);
const nestedObjects = (levels: number, inner = '{}') => '{"a":'.repeat(levels - 1) + inner + '}'.repeat(levels - 1);

/** A valid event whose `data.extra` nests so deep that the whole body has `levels` levels. */
const eventOfDepth = (id: string, levels: number) =>
  `{"specversion":"1.0","id":"${id}","source":"/test","type":"contact.queued","time":"2026-11-25T09:30:00Z",` +
  `"data":{"contactId":"c-${id}","channel":"voice","queue":"billing","direction":"inbound","extra":${nestedObjects(levels - 2)}}}`;

describe('intake: JSON nesting depth is bounded at the edge (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;
  let key: string;

  const post = (path: string, body: string, contentType = 'application/json') =>
    svc.http().post(path).set('Authorization', `Bearer ${key}`).set('Content-Type', contentType).send(body);
  const expectTooDeep = (res: request.Response) => {
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: 'urn:hotline:problem:body-too-deep', status: 400 });
  };

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'intake' });
    key = await insertApiKey(svc.db, 'acme');
  });

  afterAll(() => svc?.stop());

  it.each([
    ['/v1/events', 'application/json'],
    ['/v1/events', 'application/cloudevents+json'],
    ['/v1/adapters/amazon-connect/contact-lens', 'application/json'],
    ['/v1/adapters/amazon-connect/contact-records', 'application/json'],
    ['/v1/adapters/amazon-connect/contact-records', 'application/x-ndjson'],
    ['/v1/adapters/amazon-connect/contact-lens-segments', 'application/json'],
    ['/v1/adapters/amazon-connect/contact-lens-segments', 'application/x-ndjson'],
    ['/v1/adapters/genesys/conversations', 'application/json'],
    ['/v1/adapters/genesys/events', 'application/json'],
    ['/v1/adapters/genesys/surveys', 'application/json'],
    // Signed by Help Scout, not by the API key: the depth is refused before the signature is looked at.
    ['/v1/adapters/helpscout/satisfaction-ratings?tenant=acme', 'application/json'],
  ])('%s (%s) refuses 5,000 levels of arrays or of objects with a 400 problem', async (path, contentType) => {
    expectTooDeep(await post(path, nestedArrays(5000), contentType));
    expectTooDeep(await post(path, nestedObjects(5000), contentType));
    expectTooDeep(await post(path, eventOfDepth('deep', 5000), contentType));
  });

  it(`accepts an event ${MAX_JSON_DEPTH} levels deep, and refuses one a level deeper`, async () => {
    const res = await post('/v1/events', eventOfDepth('depth-ok', MAX_JSON_DEPTH));
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ accepted: ['depth-ok'], duplicates: [] });
    expectTooDeep(await post('/v1/events', eventOfDepth('depth-over', MAX_JSON_DEPTH + 1)));
  });

  it('refuses a form body nested past the form parser’s depth with a 400 problem, before any route sees it', async () => {
    const deepKey = 'a' + '[b]'.repeat(40);
    const res = await svc.http()
      .post('/v1/adapters/twilio/taskrouter?tenant=acme')
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send(`${encodeURIComponent(deepKey)}=1`);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
