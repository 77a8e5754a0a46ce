import { createHmac } from 'node:crypto';
import type { CloudEvent } from '@hotline/contracts';
import { eventually } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';
import rating from './fixtures/helpscout/satisfaction-rating.json';

const SECRET_KEY = 'mZ9XbGHodX-webhook-secret';
const PATH = '/v1/adapters/helpscout/satisfaction-ratings';
const ID = 'helpscout:rating:5434:1795897113000';

/** Signs as Help Scout does, written out here rather than borrowed from the code under test. */
const sign = (body: string, secretKey = SECRET_KEY) => createHmac('sha1', secretKey).update(body, 'utf8').digest('base64');

describe('intake: Help Scout satisfaction ratings webhook (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;
  let adminToken: string;
  const published = () => svc.tap.events as CloudEvent<Record<string, unknown>>[];
  const count = async () => Number((await svc.db.query(`SELECT count(*) AS n FROM intake.events`))[0].n);

  /** A delivery as Help Scout posts it: the raw JSON text it signed, its event and signature headers. */
  const deliver = (
    text: string,
    { tenant = 'acme', event = 'satisfaction.ratings', signature = sign(text), contentType = 'application/json' }: { tenant?: string; event?: string; signature?: string; contentType?: string } = {},
  ) =>
    svc.http()
      .post(`${PATH}?tenant=${tenant}`)
      .set('Content-Type', contentType)
      .set('X-HelpScout-Event', event)
      .set('X-HelpScout-Signature', signature)
      .send(text);

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'intake', tap: true });
    adminToken = await svc.token({ tenant: '_platform', roles: ['admin'] });
  });

  afterAll(() => svc?.stop());

  const putSecret = (body: object, token = adminToken, tenant = 'acme') =>
    svc.http().put(`/v1/admin/tenants/${tenant}/credentials/helpscout`).set('Authorization', `Bearer ${token}`).send(body);

  it('takes the webhook secret key from an admin, stores it encrypted and never returns it; refuses others', async () => {
    expect((await putSecret({ secretKey: SECRET_KEY }).expect(204)).text).toBe('');
    const [row] = await svc.db.query(`SELECT secret_ciphertext FROM intake.platform_credentials WHERE tenant_id = 'acme' AND platform = 'helpscout'`);
    expect(row.secret_ciphertext).toMatch(/^v1\./);
    expect(row.secret_ciphertext).not.toContain(SECRET_KEY);
    await putSecret({ secretKey: 'x'.repeat(20) }, await svc.token({ tenant: 'globex', roles: ['admin'] })).expect(403);
    await putSecret({ secretKey: 'x'.repeat(20) }, await svc.token({ tenant: 'acme', roles: ['supervisor'] })).expect(403);
    const invalid = await putSecret({ secretKey: 'x'.repeat(41) }).expect(400);
    expect(invalid.body.errors).toEqual([expect.objectContaining({ path: 'secretKey' })]);
  });

  it('publishes a signed rating as survey.completed on the 1–5 scale with the word, once however often Help Scout re-sends it', async () => {
    // Spaced as a sender may space it: the signature covers these exact bytes.
    const text = JSON.stringify(rating, null, 2);
    await deliver(text).expect(202, { accepted: [ID], duplicates: [] });
    await deliver(text).expect(202, { accepted: [], duplicates: [ID] });
    await eventually(async () => expect(published().filter((e) => e.id === ID)).toHaveLength(1));
    expect(published().find((e) => e.id === ID)).toMatchObject({
      tenantid: 'acme',
      type: 'survey.completed',
      time: '2026-11-28T20:18:33.000Z',
      data: { score: 5, platformScore: { value: 'Great', scale: 'Bad/Okay/Great' }, surveyId: 'helpscout:5434', caseId: '1560011', comment: 'he was really helpful' },
    });
    expect(JSON.stringify(published().find((e) => e.id === ID))).not.toContain('john.doe');
  });

  it('publishes a changed rating as a new answer of the same survey', async () => {
    await deliver(JSON.stringify({ ...rating, rating: 'Not Good', modifiedAt: '2026-11-29T08:00:00Z' })).expect(202);
    await eventually(async () =>
      expect(published().filter((e) => e.data['surveyId'] === 'helpscout:5434').map((e) => e.data['score'])).toEqual([5, 1]),
    );
  });

  it('refuses a bad signature, another tenant or none, with the same 403 before anything else, and counts it as an auth failure', async () => {
    const before = await count();
    const text = JSON.stringify({ ...rating, id: 77 });
    const forged = await deliver(text, { signature: sign(text, 'not-the-secret-key') }).expect(403);
    expect(forged.headers['content-type']).toContain('application/problem+json');
    // Signed right, then changed on the way: the bytes no longer match.
    await deliver(JSON.stringify({ ...rating, id: 77, rating: 'Bad' }), { signature: sign(text) }).expect(403);
    const globex = await deliver(text, { tenant: 'globex' }).expect(403);
    expect(globex.body.detail).toBe(forged.body.detail);
    await svc.http().post(PATH).set('Content-Type', 'application/json').set('X-HelpScout-Signature', sign(text)).send(text).expect(403);
    // Unsigned, a bad body or event learns nothing either.
    await deliver('{"not": "a rating"}', { signature: '', event: 'convo.created' }).expect(403);
    for (let i = 0; i < 3; i++) await deliver(text, { signature: 'bm90IGEgc2lnbmF0dXJlIGF0IGFsbA==' }).expect(403);
    await eventually(async () => {
      const denied = published().filter((e) => e.type === 'access.denied');
      expect(denied).toHaveLength(1);
      expect(denied[0].data).toMatchObject({ reason: 'bad_signature', route: 'POST /v1/adapters/helpscout/satisfaction-ratings' });
    });
    expect(await count()).toBe(before);
  });

  it('answers other webhook events 200 ignored, a bad or shapeless rating 422 naming the field, a signed non-JSON body 415; stores nothing', async () => {
    const before = await count();
    const conversation = JSON.stringify({ id: 1560011, number: 12345, status: 'active' });
    await deliver(conversation, { event: 'convo.created' }).expect(200, { accepted: [], ignored: 'convo.created' });
    const bad = await deliver(JSON.stringify({ ...rating, rating: 'Meh' })).expect(422);
    expect(bad.body).toMatchObject({ status: 422, type: 'urn:hotline:problem:unmappable-record' });
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'rating' })]);
    const noEvent = await deliver(JSON.stringify(rating), { event: ' ' }).expect(422);
    expect(noEvent.body.errors).toEqual([expect.objectContaining({ path: 'header X-HelpScout-Event' })]);
    for (const shapeless of ['null', '42', '"text"', '[]', '[null]', '{}', JSON.stringify({ ...rating, id: { $gt: 0 }, comments: 'a\u0000b' })]) {
      // 400 for what the platform refuses on every route (top-level scalars, NUL), 422 for what is no rating.
      const res = await deliver(shapeless);
      expect([[400, 422].includes(res.status), res.headers['content-type']]).toEqual([true, expect.stringContaining('application/problem+json')]);
    }
    const form = 'rating=Great';
    await deliver(form, { contentType: 'application/x-www-form-urlencoded' }).expect(415);
    expect(await count()).toBe(before);
  });
});
