import type { CloudEvent } from '@hotline/contracts';
import { eventually } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';
import queryResponse from './fixtures/genesys/conversation-details-query.json';
import answeredSnapshot from './fixtures/genesys/conversation-notification-answered.json';
import abandonedNotifications from './fixtures/genesys/detail-events-abandoned-notifications.json';
import answeredEvents from './fixtures/genesys/detail-events-answered-eventbridge.json';
import { insertApiKey } from './support/api-keys';

const PATH = '/v1/adapters/genesys/events';
const [answeredCall, abandonedCall] = queryResponse.conversations;
const [, acdStart, , acdAnswered, customerEnd, userEnd, acw] = answeredEvents;
const [abandonQueued, acdAbandon, abandonCustomerEnd] = abandonedNotifications;
const ids = (conversationId: string, ...milestones: string[]) => milestones.map((milestone) => `genesys:${conversationId}:${milestone}`);

/** An EventBridge event of another conversation: the fixtures are shared. */
function ofConversation<T extends { detail: { topicName: string; eventBody: { conversationId: string } } }>(event: T, conversationId: string): T {
  const copy = structuredClone(event);
  copy.detail.topicName = copy.detail.topicName.replace(copy.detail.eventBody.conversationId, conversationId);
  copy.detail.eventBody.conversationId = conversationId;
  return copy;
}

describe('intake: Genesys Cloud live detail events (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;
  let key: string;
  const published = () => svc.tap.events as CloudEvent<Record<string, unknown>>[];
  const publishedWith = (id: string) => published().filter((event) => event.id === id);
  const post = (body: unknown, path = PATH) => svc.http().post(path).set('Authorization', `Bearer ${key}`).send(body as object);
  const count = async (table: string) => Number((await svc.db.query(`SELECT count(*) AS n FROM intake.${table}`))[0].n);

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'intake', tap: true });
    key = await insertApiKey(svc.db, 'acme', { name: 'genesys-eventbridge' });
  });

  afterAll(() => svc?.stop());

  it('maps an answered conversation’s EventBridge events onto queued, answered, ended and completed with Genesys’s figures', async () => {
    const res = await post(answeredEvents).expect(202);
    expect(res.body).toEqual({ accepted: ids(answeredCall.conversationId, 'queued', 'answered', 'ended', 'completed:p-0004-agent'), duplicates: [] });
    await eventually(async () => expect(published()).toHaveLength(4));
    const [answered] = publishedWith(ids(answeredCall.conversationId, 'answered')[0]);
    expect(answered).toMatchObject({ tenantid: 'acme', time: '2026-11-25T01:31:05.250Z', data: { agentId: '9f3c1a2b-4d5e-4f60-8a71-b2c3d4e5f607', waitSeconds: 20.24 } });
    const [ended] = publishedWith(ids(answeredCall.conversationId, 'ended')[0]);
    expect(ended.time).toBe('2026-11-25T01:36:58.500Z');
    expect(ended.data).toMatchObject({ talkSeconds: 323.25, holdSeconds: 30, afterContactWorkSeconds: 5 });
    const [delivery] = await svc.db.query(`SELECT event_ids FROM intake.deliveries WHERE adapter = 'genesys'`);
    expect(delivery.event_ids).toHaveLength(4);
  });

  it('counts a re-sent delivery, and the detail record of the same conversation, as duplicates', async () => {
    expect((await post(answeredEvents).expect(202)).body).toEqual({ accepted: [], duplicates: ids(answeredCall.conversationId, 'queued', 'answered', 'ended', 'completed:p-0004-agent') });
    const batch = await post({ conversations: [answeredCall] }, '/v1/adapters/genesys/conversations').expect(202);
    expect(batch.body).toEqual({ accepted: [], duplicates: ids(answeredCall.conversationId, 'queued', 'answered', 'ended') });
    // And the other way round: a conversation the detail record brought first gains nothing from its live events.
    const single = await post(acdStart).expect(202);
    expect(single.body).toEqual({ accepted: [], duplicates: ids(answeredCall.conversationId, 'queued') });
    expect(await count('events')).toBe(4);
  });

  it('takes notifications one at a time: a caller who hung up in the queue is abandoned at the time it left the queue', async () => {
    const id = abandonedCall.conversationId;
    expect((await post(abandonQueued).expect(202)).body).toEqual({ accepted: ids(id, 'queued'), duplicates: [] });
    expect((await post(acdAbandon).expect(202)).body).toEqual({ accepted: ids(id, 'abandoned', 'ended'), duplicates: [] });
    expect((await post(abandonCustomerEnd).expect(202)).body).toEqual({ accepted: [], duplicates: ids(id, 'ended') });
    await eventually(async () => expect(published()).toHaveLength(7));
    expect(publishedWith(ids(id, 'abandoned')[0])[0]).toMatchObject({ time: '2026-11-25T01:41:30.400Z', data: { queue: '6b1c7f3e-2a4d-4c8e-9f10-3d5a7b9c1e2f', waitSeconds: 60.39 } });
    const batch = await post([abandonedCall], '/v1/adapters/genesys/conversations').expect(202);
    expect(batch.body).toEqual({ accepted: [], duplicates: ids(id, 'queued', 'abandoned', 'ended') });
  });

  it('does not end an answered conversation at the customer’s hang-up: the agent’s end brings talk and hold', async () => {
    const id = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    expect((await post(ofConversation(acdAnswered, id)).expect(202)).body).toEqual({ accepted: ids(id, 'answered'), duplicates: [] });
    expect((await post(ofConversation(customerEnd, id)).expect(202)).body).toEqual({ accepted: [], duplicates: ids(id, 'ended') });
    expect((await post(ofConversation(userEnd, id)).expect(202)).body).toEqual({ accepted: ids(id, 'ended'), duplicates: [] });
    await eventually(async () => expect(publishedWith(ids(id, 'ended')[0])).toHaveLength(1));
    expect(publishedWith(ids(id, 'ended')[0])[0].data).toMatchObject({ talkSeconds: 323.25, holdSeconds: 30, disconnectReason: 'peer' });
  });

  it('takes an acw delivered after the conversation ended as contact.completed of that agent, once', async () => {
    const id = '3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a';
    expect((await post(ofConversation(userEnd, id)).expect(202)).body).toEqual({ accepted: ids(id, 'ended'), duplicates: [] });
    expect((await post(ofConversation(acw, id)).expect(202)).body).toEqual({ accepted: ids(id, 'completed:p-0004-agent'), duplicates: [] });
    expect((await post(ofConversation(acw, id)).expect(202)).body).toEqual({ accepted: [], duplicates: ids(id, 'completed:p-0004-agent') });
    await eventually(async () => expect(publishedWith(ids(id, 'completed:p-0004-agent')[0])).toHaveLength(1));
    expect(publishedWith(ids(id, 'completed:p-0004-agent')[0])[0]).toMatchObject({
      type: 'contact.completed',
      time: '2026-11-25T01:37:03.500Z',
      data: { contactId: id, agentId: '9f3c1a2b-4d5e-4f60-8a71-b2c3d4e5f607', afterContactWorkSeconds: 5 },
    });
  });

  it('takes v2.conversations.{id} notifications on the same route, under the same ids', async () => {
    // The conversation the detail events and the detail record already brought: nothing new.
    expect((await post(answeredSnapshot).expect(202)).body).toEqual({ accepted: [], duplicates: ids(answeredCall.conversationId, 'queued', 'answered', 'ended') });
    const id = '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f';
    const fresh = structuredClone(answeredSnapshot);
    fresh.topicName = `v2.conversations.${id}`;
    fresh.eventBody.id = id;
    expect((await post(fresh).expect(202)).body).toEqual({ accepted: ids(id, 'queued', 'answered', 'ended'), duplicates: [] });
    await eventually(async () => expect(publishedWith(ids(id, 'ended')[0])).toHaveLength(1));
    expect(publishedWith(ids(id, 'queued')[0])[0].data).toMatchObject({ queue: 'Billing', queueId: '6b1c7f3e-2a4d-4c8e-9f10-3d5a7b9c1e2f' });
    expect(publishedWith(ids(id, 'ended')[0])[0]).toMatchObject({ time: '2026-11-25T01:37:03.500Z', data: { handleSeconds: 358.25, afterContactWorkSeconds: 5 } });
  });

  it('is documented in the OpenAPI document: API key, the platform payload as objects, its answers', async () => {
    const post = (await svc.http().get('/docs-json').expect(200)).body.paths[PATH].post;
    expect(post.security).toEqual([{ 'api-key': [] }]);
    expect(JSON.stringify(post.requestBody.content['application/json'].schema)).toContain('GenesysDetailEvents');
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['200', '202', '400', '415', '422', '429']));
  });

  describe('stores nothing for', () => {
    let before: { events: number; deliveries: number };

    beforeEach(async () => {
      before = { events: await count('events'), deliveries: await count('deliveries') };
    });

    afterEach(async () => {
      expect({ events: await count('events'), deliveries: await count('deliveries') }).toEqual(before);
    });

    it('topics and detail events that are no milestone: 200 with why', async () => {
      const heartbeat = { topicName: 'channel.metadata', eventBody: { message: 'WebSocket Heartbeat' } };
      const res = await post([heartbeat, answeredEvents[0]]).expect(200);
      expect(res.body).toEqual({ accepted: [], ignored: expect.stringContaining('channel.metadata') });
      expect(res.body.ignored).toContain('customer.start');
    });

    it('a batch with an unmappable notification: 422 naming the field and its index', async () => {
      const noAgent = structuredClone(acdAnswered) as { detail: { eventBody: Record<string, unknown> } };
      delete noAgent.detail.eventBody['answeredUserId'];
      const res = await post([ofConversation(acdStart, '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e'), noAgent]).expect(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({
        status: 422,
        type: 'urn:hotline:problem:unmappable-record',
        errors: [{ index: 1, path: 'detail.eventBody.answeredUserId', message: expect.stringContaining('Required') }],
      });
    });

    it('a notification holding text PostgreSQL cannot keep: 400 naming its path, mapped field or not', async () => {
      const body = structuredClone(answeredEvents) as Array<{ detail: { metadata: Record<string, string> } }>;
      body[4].detail.metadata['CorrelationId'] = 'corr\u0000elation';
      const res = await svc.http().post(PATH).set('Authorization', `Bearer ${key}`).set('Content-Type', 'application/json').send(JSON.stringify(body)).expect(400);
      expect(res.body.errors).toEqual([{ path: '4.detail.metadata.CorrelationId', message: expect.stringContaining('NUL') }]);
    });

    it('a body that is no notification (422), no JSON (415), or comes without a valid API key (401)', async () => {
      expect((await post({ hello: 'world' }).expect(422)).body.errors).toEqual([{ path: 'topicName', message: expect.stringContaining('Required') }]);
      await svc.http().post(PATH).set('Authorization', `Bearer ${key}`).set('Content-Type', 'text/plain').send('hi').expect(415);
      await svc.http().post(PATH).send(answeredEvents).expect(401);
    });
  });
});
