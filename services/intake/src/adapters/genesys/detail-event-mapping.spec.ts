import { validateIncomingEvent } from '@hotline/contracts';
import queryResponse from '../../../test/fixtures/genesys/conversation-details-query.json';
import answeredSnapshot from '../../../test/fixtures/genesys/conversation-notification-answered.json';
import abandonedNotifications from '../../../test/fixtures/genesys/detail-events-abandoned-notifications.json';
import answeredEvents from '../../../test/fixtures/genesys/detail-events-answered-eventbridge.json';
import { errorsOf, eventsOf } from '../kit/mapping-result';
import { mapConversation } from './conversation-mapping';
import { mapDetailEvent, mapDetailEvents, readDetailEvents } from './detail-event-mapping';

const [answeredCall, abandonedCall] = queryResponse.conversations;
const BILLING = '6b1c7f3e-2a4d-4c8e-9f10-3d5a7b9c1e2f';
const AGENT = '9f3c1a2b-4d5e-4f60-8a71-b2c3d4e5f607';
const [customerStart, acdStart, userStart, acdAnswered, customerEnd, userEnd, acw] = answeredEvents;
const [abandonQueued, acdAbandon, abandonCustomerEnd] = abandonedNotifications;

type Editable = { detail: { eventBody: Record<string, unknown> } };
/** A copy of an EventBridge event whose eventBody is changed by `edit`: the fixtures are shared. */
function edited(event: object, edit: (body: Record<string, unknown>) => void): Editable {
  const copy = structuredClone(event) as Editable;
  edit(copy.detail.eventBody);
  return copy;
}

function mappedFrom(records: unknown[]) {
  const { result } = mapDetailEvents(records, true);
  expect(errorsOf(result)).toEqual([]);
  const events = eventsOf(result);
  for (const event of events) expect(validateIncomingEvent(event)).toMatchObject({ ok: true });
  return events;
}

describe('mapDetailEvents: a conversation answered, as EventBridge delivers its detail events', () => {
  it('maps acd.start onto contact.queued under the detail record’s id, at the same time', () => {
    const [queued] = mappedFrom([acdStart]);
    expect(queued).toEqual({
      id: `genesys:${answeredCall.conversationId}:queued`,
      source: '/genesys/cloud',
      type: 'contact.queued',
      time: '2026-11-25T01:30:45.010Z',
      data: {
        contactId: answeredCall.conversationId,
        channel: 'voice',
        // Detail events name no queue: its id stands in.
        queue: BILLING,
        direction: 'inbound',
        customer: { phone: '+8613912345678' },
        queueId: BILLING,
      },
    });
    const batchQueued = eventsOf(mapConversation(answeredCall))[0];
    expect([batchQueued.id, batchQueued.time]).toEqual([queued.id, queued.time]);
  });

  it('maps acd.end ANSWERED onto contact.answered with Genesys’s own queue time as the wait', () => {
    expect(mappedFrom([acdAnswered])).toEqual([
      {
        id: `genesys:${answeredCall.conversationId}:answered`,
        source: '/genesys/cloud',
        type: 'contact.answered',
        time: '2026-11-25T01:31:05.250Z',
        // connectedDurationMs 20240: the 20.24 s the detail record's tAnswered gives too.
        data: { contactId: answeredCall.conversationId, agentId: AGENT, queue: BILLING, waitSeconds: 20.24 },
      },
    ]);
  });

  it('ends the contact at the agent’s user.end with talk and hold, the wrap-up of the same delivery as after-contact work', () => {
    const alone = mappedFrom([userEnd]);
    expect(alone).toEqual([
      {
        id: `genesys:${answeredCall.conversationId}:ended`,
        source: '/genesys/cloud',
        type: 'contact.ended',
        time: '2026-11-25T01:36:58.500Z',
        data: { contactId: answeredCall.conversationId, agentId: AGENT, talkSeconds: 323.25, holdSeconds: 30, queue: BILLING, disconnectReason: 'peer' },
      },
    ]);
    // The acw event comes after the conversation ended: its own milestone, folded in too when it travels with user.end.
    const [ended] = mappedFrom([userEnd, acw]);
    expect(ended.data).toEqual({ ...alone[0].data, afterContactWorkSeconds: 5, wrapupCode: '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f' });
    expect(ended.time).toBe('2026-11-25T01:36:58.500Z');
  });

  it('maps the whole delivery onto queued, answered, ended and completed; the customer’s end yields to the agent’s', () => {
    const events = mappedFrom(answeredEvents);
    expect(events.map((e) => [e.type, e.time])).toEqual([
      ['contact.queued', '2026-11-25T01:30:45.010Z'],
      ['contact.answered', '2026-11-25T01:31:05.250Z'],
      ['contact.ended', '2026-11-25T01:36:58.500Z'],
      ['contact.completed', '2026-11-25T01:37:03.500Z'],
    ]);
    expect(events[2].data).toMatchObject({ agentId: AGENT, talkSeconds: 323.25, holdSeconds: 30, afterContactWorkSeconds: 5 });
    // The same milestones as the detail record of this conversation, under the same ids; the record has no completion.
    expect(events.slice(0, 3).map((e) => e.id)).toEqual(eventsOf(mapConversation(answeredCall)).map((e) => e.id));
  });

  it('maps an acw delivered on its own onto contact.completed of that agent participant, with Genesys’s wrap-up time', () => {
    const completed = mappedFrom([acw]);
    expect(completed).toEqual([
      {
        id: `genesys:${answeredCall.conversationId}:completed:p-0004-agent`,
        source: '/genesys/cloud',
        type: 'contact.completed',
        time: '2026-11-25T01:37:03.500Z',
        data: { contactId: answeredCall.conversationId, agentId: AGENT, queue: BILLING, afterContactWorkSeconds: 5, completedReason: '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f' },
      },
    ]);
    // The detail record carries the same wrap-up on its ended (tAcw 5000 ms): quality takes the ended's, so it counts once.
    const batchEnded = eventsOf(mapConversation(answeredCall)).find((e) => e.type === 'contact.ended');
    expect(batchEnded?.data).toMatchObject({ afterContactWorkSeconds: 5 });
    // Each agent participant wraps up on its own: another participant is another completion.
    const other = edited(acw, (body) => (body['participantId'] = 'p-0006-agent'));
    expect(mappedFrom([other])[0].id).toBe(`genesys:${answeredCall.conversationId}:completed:p-0006-agent`);
    const noWrapupDuration = edited(acw, (body) => delete body['wrapupDurationMs']);
    expect(mappedFrom([noWrapupDuration])[0].data).not.toHaveProperty('afterContactWorkSeconds');
    const noParticipant = edited(acw, (body) => delete body['participantId']);
    expect(errorsOf(mapDetailEvent(noParticipant).result)).toEqual([{ path: 'detail.eventBody.participantId', message: expect.stringContaining('Required') }]);
  });

  it('lets a customer’s end stand only while the conversation is unanswered', () => {
    const { result, supersededBy } = mapDetailEvents([customerEnd], false);
    expect(eventsOf(result)).toEqual([
      expect.objectContaining({ id: `genesys:${answeredCall.conversationId}:ended`, data: { contactId: answeredCall.conversationId, disconnectReason: 'endpoint' } }),
    ]);
    expect(supersededBy({ id: `genesys:${answeredCall.conversationId}:ended` })).toBe(`genesys:${answeredCall.conversationId}:answered`);
    expect(eventsOf(mapDetailEvents([acdAnswered, customerEnd], true).result).map((e) => e.type)).toEqual(['contact.answered']);
  });

  it('ignores what is no milestone, saying why', () => {
    for (const record of [customerStart, userStart]) expect(mapDetailEvent(record).result.outcome).toBe('ignored');
    const heartbeat = { topicName: 'channel.metadata', eventBody: { message: 'WebSocket Heartbeat' } };
    // EventBridge names the topic in detail-type, with `{id}` for the conversation.
    const flow = structuredClone(acdStart) as { 'detail-type': string; detail: { topicName?: string } };
    flow['detail-type'] = 'v2.detail.events.conversation.{id}.flow.end';
    delete flow.detail.topicName;
    expect(mapDetailEvents([heartbeat, flow, userStart], true).result).toEqual({
      outcome: 'ignored',
      eventType: 'detail events',
      reason: expect.stringContaining('channel.metadata: no contact milestone'),
    });
    const transferred = edited(userEnd, (body) => (body['disconnectType'] = 'TRANSFER'));
    expect(mapDetailEvent(transferred).result).toMatchObject({ outcome: 'ignored', reason: expect.stringContaining('handed the conversation on') });
    const neverConnected = edited(userEnd, (body) => (body['interactingDurationMs'] = 0));
    expect(mapDetailEvent(neverConnected).result).toMatchObject({ outcome: 'ignored', reason: expect.stringContaining('never talked') });
  });
});

describe('mapDetailEvents: a caller who hung up in the queue, as a notification channel delivers it', () => {
  it('maps acd.end ABANDON onto abandoned and ended at the time the call left the queue, with its wait', () => {
    const id = abandonedCall.conversationId;
    const events = mappedFrom(abandonedNotifications);
    expect(events.map((e) => [e.id, e.time])).toEqual([
      [`genesys:${id}:queued`, '2026-11-25T01:40:30.010Z'],
      [`genesys:${id}:abandoned`, '2026-11-25T01:41:30.400Z'],
      [`genesys:${id}:ended`, '2026-11-25T01:41:30.400Z'],
    ]);
    expect(events[1].data).toEqual({ contactId: id, queue: BILLING, waitSeconds: 60.39 });
    expect(events[2].data).toEqual({ contactId: id, queue: BILLING, queueOutcome: 'abandoned', dequeuedAt: '2026-11-25T01:41:30.400Z', waitSeconds: 60.39, disconnectReason: 'peer' });
    // The detail record of this conversation yields the same ids and the same wait.
    const batch = eventsOf(mapConversation(abandonedCall));
    expect(batch.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(batch[1].data['waitSeconds']).toBe(60.39);
  });

  it('takes a single notification too, and no customer end once the abandon ended the contact', () => {
    expect(eventsOf(mapDetailEvents([acdAbandon, abandonCustomerEnd], true).result).map((e) => e.type)).toEqual(['contact.abandoned', 'contact.ended']);
    expect(eventsOf(mapDetailEvents([abandonQueued], false).result).map((e) => e.type)).toEqual(['contact.queued']);
  });

  it('does not call a flow’s exit an abandon: a transfer out of the queue goes on, a disconnect ends with its reason', () => {
    const moved = structuredClone(acdAbandon) as typeof acdAbandon & { eventBody: Record<string, unknown> };
    moved.eventBody['acdOutcome'] = 'FLOW_OUT';
    moved.eventBody['disconnectType'] = 'TRANSFER';
    expect(mapDetailEvent(moved).result).toMatchObject({ outcome: 'ignored', reason: expect.stringContaining('no abandon') });
    // A callback chosen in the queue: Genesys counts it as ABANDON, but the session was transferred.
    const callback = structuredClone(moved);
    callback.eventBody['acdOutcome'] = 'ABANDON';
    expect(mapDetailEvent(callback).result.outcome).toBe('ignored');
    const timedOut = structuredClone(moved);
    timedOut.eventBody['disconnectType'] = 'TIMEOUT';
    expect(eventsOf(mapDetailEvent(timedOut).result)).toEqual([
      expect.objectContaining({
        type: 'contact.ended',
        time: '2026-11-25T01:41:30.400Z',
        data: expect.objectContaining({ queueOutcome: 'timed_out', dequeuedAt: '2026-11-25T01:41:30.400Z', waitSeconds: 60.39, disconnectReason: 'timeout' }),
      }),
    ]);
  });
});

describe('mapDetailEvents: what it refuses', () => {
  it('names each missing or wrong field with its path and, in a batch, its index', () => {
    const noAgent = edited(acdAnswered, (body) => delete body['answeredUserId']);
    const badTime = edited(acdStart, (body) => (body['eventTime'] = '2026-11-25T01:30:45Z'));
    const badOutcome = structuredClone(acdAbandon) as typeof acdAbandon & { eventBody: Record<string, unknown> };
    badOutcome.eventBody['acdOutcome'] = 'LOST';
    expect(errorsOf(mapDetailEvents([noAgent, badTime, badOutcome], true).result)).toEqual([
      { index: 0, path: 'detail.eventBody.answeredUserId', message: expect.stringContaining('Required') },
      { index: 1, path: 'detail.eventBody.eventTime', message: expect.stringContaining('epoch milliseconds') },
      { index: 2, path: 'eventBody.acdOutcome', message: expect.stringContaining('ANSWERED, ABANDON or FLOW_OUT') },
    ]);
  });

  it('refuses what is no notification, an empty delivery, and a detail event without its body or conversation', () => {
    expect(errorsOf(mapDetailEvents([{ hello: 'world' }], false).result)).toEqual([{ path: 'topicName', message: expect.stringContaining('Required') }]);
    expect(errorsOf(mapDetailEvents(['text'], false).result)).toEqual([{ path: '', message: expect.stringContaining('a JSON object') }]);
    expect(errorsOf(mapDetailEvents([], true).result)).toEqual([{ index: 0, path: '', message: 'The delivery holds no notifications' }]);
    expect(errorsOf(mapDetailEvents([{ 'detail-type': 'v2.detail.events.conversation.{id}.acd.start' }], false).result)).toEqual([
      { path: 'detail', message: expect.stringContaining('Required') },
    ]);
    const { eventBody: _body, ...bodiless } = abandonQueued;
    expect(errorsOf(mapDetailEvents([bodiless], false).result)).toEqual([{ path: 'eventBody', message: expect.stringContaining('Required') }]);
    const anonymous = edited(acdStart, (body) => delete body['conversationId']);
    expect(errorsOf(mapDetailEvents([anonymous], false).result)).toEqual([{ path: 'detail.eventBody.conversationId', message: 'Required' }]);
  });

  it('reports a value the catalogue refuses on the detail event field it came from', () => {
    const longQueue = edited(acdStart, (body) => (body['queueId'] = 'q'.repeat(201)));
    expect(errorsOf(mapDetailEvents([longQueue], false).result)).toEqual([
      expect.objectContaining({ path: 'detail.eventBody.queueId', message: expect.stringContaining('data.queue of the contact.queued') }),
    ]);
  });

  it('reads one notification as a single record and an array as a batch', () => {
    expect(readDetailEvents(acdStart)).toEqual({ records: [acdStart], batch: false });
    expect(readDetailEvents(answeredEvents)).toEqual({ records: answeredEvents, batch: true });
  });
});

describe('mapDetailEvents on damaged notifications', () => {
  const NASTY: unknown[] = [null, 0, -1, 1e300, '', ' ', 'x'.repeat(300), '\u0000', true, {}, [], [null], { nested: { deep: 1 } }];

  /** Every copy of `record` with one value (at any depth) replaced by one of NASTY. */
  function* damaged(record: unknown, path: string[] = []): Generator<{ record: unknown; path: string }> {
    const value = path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], record);
    if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value)) yield* damaged(record, [...path, key]);
    }
    if (path.length === 0) return;
    for (const bad of NASTY) {
      const copy = structuredClone(record) as Record<string, unknown>;
      const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], copy) as Record<string, unknown>;
      parent[path[path.length - 1]] = bad;
      yield { record: copy, path: path.join('.') };
    }
  }

  it('answers every one with events the catalogue takes, ignored, or errors naming fields: never a throw', () => {
    let cases = 0;
    for (const original of [...answeredEvents, ...abandonedNotifications, answeredSnapshot]) {
      for (const { record, path } of damaged(original)) {
        cases += 1;
        const { result } = mapDetailEvents([record], false);
        if (result.outcome === 'mapped') for (const event of result.events) expect({ path, ok: validateIncomingEvent(event).ok }).toEqual({ path, ok: true });
        if (result.outcome === 'unmappable') expect(result.errors.length).toBeGreaterThan(0);
      }
    }
    expect(cases).toBeGreaterThan(1000);
  });
});
