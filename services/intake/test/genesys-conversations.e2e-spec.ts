import type { CloudEvent } from '@hotline/contracts';
import { eventually } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';
import queryResponse from './fixtures/genesys/conversation-details-query.json';
import messageConversation from './fixtures/genesys/conversation-message.json';
import { insertApiKey } from './support/api-keys';

const PATH = '/v1/adapters/genesys/conversations';
const [answeredCall, abandonedCall, callbackCall] = queryResponse.conversations;

describe('intake: Genesys Cloud conversation detail records (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;
  let key: string;
  const published = () => svc.tap.events as CloudEvent<Record<string, unknown>>[];

  const post = (body: unknown, apiKey = key) =>
    svc.http().post(PATH).set('Authorization', `Bearer ${apiKey}`).send(body as object);
  const count = async (table: string) => Number((await svc.db.query(`SELECT count(*) AS n FROM intake.${table}`))[0].n);
  const publishedWith = (id: string) => published().filter((event) => event.id === id);

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'intake', tap: true });
    key = await insertApiKey(svc.db, 'acme', { name: 'genesys' });
  });

  afterAll(() => svc?.stop());

  it('maps a details query response onto contact events, published at the records’ own times', async () => {
    const res = await post(queryResponse).expect(202);
    const ids = (conversation: { conversationId: string }, ...milestones: string[]) =>
      milestones.map((milestone) => `genesys:${conversation.conversationId}:${milestone}`);
    expect(res.body).toEqual({
      accepted: [
        ...ids(answeredCall, 'queued', 'answered', 'ended'),
        ...ids(abandonedCall, 'queued', 'abandoned', 'ended'),
        ...ids(callbackCall, 'queued'),
      ],
      duplicates: [],
    });
    await eventually(async () => expect(published()).toHaveLength(7));
    expect(publishedWith(`genesys:${answeredCall.conversationId}:answered`)[0]).toMatchObject({
      tenantid: 'acme',
      time: '2026-11-25T01:31:05.250Z',
      data: { agentId: '9f3c1a2b-4d5e-4f60-8a71-b2c3d4e5f607', queue: 'Billing' },
    });
    expect(publishedWith(`genesys:${answeredCall.conversationId}:ended`)[0].data).toMatchObject({
      talkSeconds: 323.25,
      holdSeconds: 30,
      afterContactWorkSeconds: 5,
    });
    // The caller who chose a callback is queued, never abandoned.
    expect(published().filter((e) => e.type === 'contact.abandoned').map((e) => e.data['contactId'])).toEqual([abandonedCall.conversationId]);
    const [delivery] = await svc.db.query(`SELECT adapter, event_ids FROM intake.deliveries WHERE adapter = 'genesys'`);
    expect(delivery.event_ids).toHaveLength(7);
  });

  it('publishes only the new milestones when a conversation comes again, and a single conversation too', async () => {
    const callbackAnswered = structuredClone(callbackCall) as typeof callbackCall & { conversationEnd?: string };
    callbackAnswered.conversationEnd = '2026-11-25T02:20:00.000Z';
    const res = await post([callbackAnswered]).expect(202);
    expect(res.body).toEqual({
      accepted: [`genesys:${callbackCall.conversationId}:ended`],
      duplicates: [`genesys:${callbackCall.conversationId}:queued`],
    });
    await post(messageConversation).expect(202);
    await eventually(async () => expect(published()).toHaveLength(11));
    expect(publishedWith(`genesys:${callbackCall.conversationId}:queued`)).toHaveLength(1);
    expect(publishedWith(`genesys:${messageConversation.conversationId}:queued`)[0].data).toMatchObject({ channel: 'chat' });
  });

  describe('refuses, storing nothing,', () => {
    let before: { events: number; deliveries: number };

    beforeEach(async () => {
      before = { events: await count('events'), deliveries: await count('deliveries') };
    });

    afterEach(async () => {
      expect({ events: await count('events'), deliveries: await count('deliveries') }).toEqual(before);
    });

    it('a batch with an unmappable conversation with 422 naming what it lacks and its index', async () => {
      const fresh = structuredClone(abandonedCall);
      fresh.conversationId = '11111111-2222-4333-8444-555555555555';
      const { conversationId: _id, ...anonymous } = structuredClone(answeredCall);
      const res = await post({ conversations: [fresh, anonymous] }).expect(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({
        status: 422,
        type: 'urn:hotline:problem:unmappable-record',
        errors: [{ index: 1, path: 'conversationId', message: 'Required' }],
      });
    });

    it('a body that is no conversation with 422, and one that is not JSON with 415', async () => {
      const res = await post({ hello: 'world' }).expect(422);
      expect(res.body.errors[0].message).toContain('conversationId');
      await svc.http().post(PATH).set('Authorization', `Bearer ${key}`).set('Content-Type', 'text/plain').send('hi').expect(415);
    });

    it('a request without a valid API key with 401', async () => {
      await svc.http().post(PATH).send(queryResponse).expect(401);
    });
  });
});
