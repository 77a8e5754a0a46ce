import { validateIncomingEvent } from '@hotline/contracts';
import queryResponse from '../../../test/fixtures/genesys/conversation-details-query.json';
import abandonedNotification from '../../../test/fixtures/genesys/conversation-notification-abandoned.json';
import answeredNotification from '../../../test/fixtures/genesys/conversation-notification-answered.json';
import { errorsOf, eventsOf } from '../kit/mapping-result';
import { mapConversation } from './conversation-mapping';
import { mapDetailEvents } from './detail-event-mapping';

const [answeredCall, abandonedCall] = queryResponse.conversations;
const BILLING = '6b1c7f3e-2a4d-4c8e-9f10-3d5a7b9c1e2f';
const AGENT = '9f3c1a2b-4d5e-4f60-8a71-b2c3d4e5f607';

type Participant = Record<string, unknown> & { calls: Array<Record<string, unknown>> };
type Notification = { topicName: string; eventBody: { id: string; participants: Participant[] } };
const copy = (notification: object): Notification => structuredClone(notification) as Notification;

function mapped(notification: unknown) {
  const { result } = mapDetailEvents([notification], false);
  expect(errorsOf(result)).toEqual([]);
  const events = eventsOf(result);
  for (const event of events) expect(validateIncomingEvent(event)).toMatchObject({ ok: true });
  return events;
}

describe('v2.conversations.{id} notifications', () => {
  it('maps an answered, wrapped-up conversation onto the detail record’s milestones, ids and times', () => {
    const id = answeredCall.conversationId;
    const events = mapped(answeredNotification);
    expect(events).toEqual([
      {
        id: `genesys:${id}:queued`,
        source: '/genesys/cloud',
        type: 'contact.queued',
        time: '2026-11-25T01:30:45.010Z',
        // The acd participant is named after its queue.
        data: { contactId: id, channel: 'voice', queue: 'Billing', direction: 'inbound', customer: { phone: '+8613912345678' }, queueId: BILLING },
      },
      {
        id: `genesys:${id}:answered`,
        source: '/genesys/cloud',
        type: 'contact.answered',
        time: '2026-11-25T01:31:05.250Z',
        data: { contactId: id, agentId: AGENT, queue: 'Billing', waitSeconds: 20.24 },
      },
      {
        id: `genesys:${id}:ended`,
        source: '/genesys/cloud',
        type: 'contact.ended',
        // After the wrap-up, as the detail record's conversationEnd.
        time: '2026-11-25T01:37:03.500Z',
        // 353.25 s connected (talk and hold, not split in the notification) + 5 s after-call work: the record's tHandle.
        data: { contactId: id, agentId: AGENT, afterContactWorkSeconds: 5, handleSeconds: 358.25, disconnectReason: 'endpoint', queue: 'Billing' },
      },
    ]);
    const batch = eventsOf(mapConversation(answeredCall));
    expect(batch.map((e) => [e.id, e.time])).toEqual(events.map((e) => [e.id, e.time]));
    expect(batch[2].data['handleSeconds']).toBe(358.25);
  });

  it('waits for the after-call work before ending the conversation', () => {
    const wrapping = copy(answeredNotification);
    delete wrapping.eventBody.participants[3]['endAcwTime'];
    expect(mapped(wrapping).map((e) => e.type)).toEqual(['contact.queued', 'contact.answered']);
    const talking = copy(answeredNotification);
    const agentCall = talking.eventBody.participants[3].calls[0];
    agentCall['state'] = 'CONNECTED';
    delete agentCall['disconnectedTime'];
    expect(mapped(talking).map((e) => e.type)).toEqual(['contact.queued', 'contact.answered']);
  });

  it('maps a caller who hung up in the queue onto abandoned at the time it left the queue, and ended with its exit', () => {
    const id = abandonedCall.conversationId;
    const events = mapped(abandonedNotification);
    expect(events.map((e) => [e.id, e.time])).toEqual([
      [`genesys:${id}:queued`, '2026-11-25T01:40:30.010Z'],
      [`genesys:${id}:abandoned`, '2026-11-25T01:41:30.400Z'],
      [`genesys:${id}:ended`, '2026-11-25T01:41:30.400Z'],
    ]);
    expect(events[1].data).toEqual({ contactId: id, queue: 'Billing', waitSeconds: 60.39 });
    expect(events[2].data).toEqual({
      contactId: id,
      disconnectReason: 'endpoint',
      queue: 'Billing',
      queueOutcome: 'abandoned',
      dequeuedAt: '2026-11-25T01:41:30.400Z',
      waitSeconds: 60.39,
    });
    expect(eventsOf(mapConversation(abandonedCall)).map((e) => e.id)).toEqual(events.map((e) => e.id));
  });

  it('does not call a queue the caller left by a transfer or a timeout an abandon', () => {
    for (const disconnectType of ['TRANSFER', 'TIMEOUT']) {
      const left = copy(abandonedNotification);
      left.eventBody.participants[1].calls[0]['disconnectType'] = disconnectType;
      const events = mapped(left);
      expect(events.map((e) => e.type)).toEqual(['contact.queued', 'contact.ended']);
      expect(events[1].data).toMatchObject({ queueOutcome: disconnectType === 'TRANSFER' ? 'transferred' : 'timed_out', waitSeconds: 60.39 });
    }
  });

  it('maps an agent’s transfer onto contact.transferred to the queue that joined next, at the transfer’s time', () => {
    const transferred = copy(answeredNotification);
    const agent = transferred.eventBody.participants[3];
    agent.calls[0]['disconnectType'] = 'TRANSFER';
    agent.calls[0]['disconnectedTime'] = '2026-11-25T01:35:00.000Z';
    transferred.eventBody.participants.push({
      id: 'p-0005-acd',
      connectedTime: '2026-11-25T01:35:00.100Z',
      name: 'Billing Escalations',
      queueId: 'q-escalations',
      purpose: 'acd',
      calls: [{ id: 's-0005-acd', state: 'CONNECTED', direction: 'INBOUND', connectedTime: '2026-11-25T01:35:00.100Z' }],
    });
    const transfer = mapped(transferred).find((e) => e.type === 'contact.transferred');
    expect(transfer).toEqual({
      id: `genesys:${answeredCall.conversationId}:transferred:${Date.parse('2026-11-25T01:35:00.000Z')}`,
      source: '/genesys/cloud',
      type: 'contact.transferred',
      time: '2026-11-25T01:35:00.000Z',
      data: { contactId: answeredCall.conversationId, toQueue: 'Billing Escalations', fromAgentId: AGENT },
    });
  });

  it('names what is missing or malformed', () => {
    const broken = copy(answeredNotification);
    delete (broken.eventBody as Partial<Notification['eventBody']>).id;
    expect(errorsOf(mapDetailEvents([broken], false).result)).toEqual([{ path: 'eventBody.id', message: expect.stringContaining('Required') }]);
    const badTime = copy(answeredNotification);
    badTime.eventBody.participants[2].calls[0]['connectedTime'] = 1795570245010;
    expect(errorsOf(mapDetailEvents([badTime], false).result)).toEqual([
      { path: 'eventBody.participants[2].calls[0].connectedTime', message: expect.stringContaining('ISO 8601') },
    ]);
    const undirected = copy(answeredNotification);
    delete undirected.eventBody.participants[0].calls[0]['direction'];
    expect(errorsOf(mapDetailEvents([undirected], false).result)).toEqual([
      { path: 'eventBody.participants[0].calls[0].direction', message: expect.stringContaining('INBOUND') },
    ]);
    const noAgent = copy(answeredNotification);
    delete noAgent.eventBody.participants[3]['userId'];
    expect(errorsOf(mapDetailEvents([noAgent], false).result)).toEqual([{ path: 'eventBody.participants[3].userId', message: expect.stringContaining('Required') }]);
  });

  it('says why a conversation that has reached no queue yields nothing', () => {
    const inIvr = copy(answeredNotification);
    inIvr.eventBody.participants = inIvr.eventBody.participants.slice(0, 2);
    inIvr.eventBody.participants[0].calls[0]['state'] = 'CONNECTED';
    expect(mapDetailEvents([inIvr], false).result).toEqual({ outcome: 'ignored', eventType: 'detail events', reason: expect.stringContaining('no milestone yet') });
  });

  it('leaves a conversation’s sub-topics alone', () => {
    const transcription = { ...copy(answeredNotification), topicName: `v2.conversations.${answeredCall.conversationId}.transcription` };
    expect(mapDetailEvents([transcription], false).result.outcome).toBe('ignored');
  });
});
