import { validateIncomingEvent } from '@hotline/contracts';
import queryResponse from '../../../test/fixtures/genesys/conversation-details-query.json';
import messageConversation from '../../../test/fixtures/genesys/conversation-message.json';
import type { MappedEvent } from '../kit/mapped-event';
import { errorsOf as mappingErrors, eventsOf as mappedEvents } from '../kit/mapping-result';
import { mapConversation, mapConversations, readConversations } from './conversation-mapping';

const [answeredCall, abandonedCall, callbackCall] = queryResponse.conversations;
const BILLING = '6b1c7f3e-2a4d-4c8e-9f10-3d5a7b9c1e2f';

/** The parts of a conversation the tests alter. */
type EditableConversation = Record<string, unknown> & {
  participants: Array<{ userId?: string; participantName?: string; sessions: Array<{ mediaType?: string; metrics?: Array<{ emitDate?: string }> }> }>;
};

/** A deep copy to alter: the fixtures are shared. */
const copy = (value: object): EditableConversation => structuredClone(value) as EditableConversation;

function eventsOf(conversation: unknown): MappedEvent[] {
  const result = mapConversation(conversation);
  expect(mappingErrors(result)).toEqual([]);
  const events = mappedEvents(result);
  for (const event of events) expect(validateIncomingEvent(event)).toMatchObject({ ok: true });
  return events;
}

function errorsOf(conversation: unknown) {
  const result = mapConversation(conversation);
  expect(result.outcome).toBe('unmappable');
  return mappingErrors(result);
}

describe('mapConversation', () => {
  it('maps an answered call onto queued, answered and ended, with the handling times in seconds', () => {
    const id = answeredCall.conversationId;
    expect(eventsOf(answeredCall)).toEqual([
      {
        id: `genesys:${id}:queued`,
        source: '/genesys/cloud',
        type: 'contact.queued',
        time: '2026-11-25T01:30:45.010Z',
        data: {
          contactId: id,
          channel: 'voice',
          queue: 'Billing',
          direction: 'inbound',
          customer: { phone: '+8613912345678' },
          queueId: BILLING,
        },
      },
      {
        id: `genesys:${id}:answered`,
        source: '/genesys/cloud',
        type: 'contact.answered',
        time: '2026-11-25T01:31:05.250Z',
        // tAnswered (20.24 s): Genesys's own speed of answer, so the service level matches its report.
        data: { contactId: id, agentId: '9f3c1a2b-4d5e-4f60-8a71-b2c3d4e5f607', queue: 'Billing', waitSeconds: 20.24 },
      },
      {
        id: `genesys:${id}:ended`,
        source: '/genesys/cloud',
        type: 'contact.ended',
        time: '2026-11-25T01:37:03.500Z',
        data: {
          contactId: id,
          agentId: '9f3c1a2b-4d5e-4f60-8a71-b2c3d4e5f607',
          // Two talk segments (120 s before the hold, 203.25 s after), one 30 s hold, 5 s of wrap-up.
          talkSeconds: 323.25,
          holdSeconds: 30,
          afterContactWorkSeconds: 5,
          handleSeconds: 358.25,
          disconnectReason: 'endpoint',
          queue: 'Billing',
        },
      },
    ]);
  });

  it('maps a caller who hung up in the queue onto queued, abandoned and ended', () => {
    const id = abandonedCall.conversationId;
    const events = eventsOf(abandonedCall);
    expect(events.map((e) => [e.id, e.time])).toEqual([
      [`genesys:${id}:queued`, '2026-11-25T01:40:30.010Z'],
      [`genesys:${id}:abandoned`, '2026-11-25T01:41:30.400Z'],
      [`genesys:${id}:ended`, '2026-11-25T01:41:30.400Z'],
    ]);
    expect(events[1].data).toEqual({ contactId: id, queue: 'Billing', waitSeconds: 60.39 });
    // No agent, but the ended contact carries its queue, how and when it left it, and its wait.
    expect(events[2].data).toEqual({
      contactId: id,
      disconnectReason: 'endpoint',
      queue: 'Billing',
      queueOutcome: 'abandoned',
      dequeuedAt: '2026-11-25T01:41:30.400Z',
      waitSeconds: 60.39,
    });
  });

  it('ends an unanswered conversation whose customer chose a callback with its dequeue time and exact wait', () => {
    const ended = copy(callbackCall);
    ended['conversationEnd'] = '2026-11-25T02:05:00.000Z';
    const events = eventsOf(ended);
    expect(events.map((e) => e.type)).toEqual(['contact.queued', 'contact.ended']);
    expect(events[1].data).toMatchObject({ queue: 'Billing', queueOutcome: 'callback_requested', dequeuedAt: '2026-11-25T01:52:10.000Z', waitSeconds: 110 });
  });

  it('maps an agent\'s transfer (nTransferred) onto contact.transferred to the queue that took the conversation next', () => {
    const transferred = copy(answeredCall) as EditableConversation & { participants: Array<Record<string, unknown>> };
    const agentSession = (transferred.participants[3] as { sessions: Array<{ metrics: Array<Record<string, unknown>> }> }).sessions[0];
    agentSession.metrics.push({ name: 'nTransferred', value: 1, emitDate: '2026-11-25T01:36:58.500Z' });
    transferred.participants.push({
      participantId: 'p-escalations',
      participantName: 'Billing Escalations',
      purpose: 'acd',
      sessions: [
        {
          mediaType: 'voice',
          metrics: [{ name: 'tAcd', value: 4000, emitDate: '2026-11-25T01:37:02.600Z' }],
          segments: [{ segmentStart: '2026-11-25T01:36:58.600Z', segmentEnd: '2026-11-25T01:37:02.600Z', segmentType: 'interact', queueId: 'q-escalations' }],
        },
      ],
    });
    const events = eventsOf(transferred);
    const transfer = events.find((e) => e.type === 'contact.transferred');
    expect(transfer).toEqual({
      id: `genesys:${answeredCall.conversationId}:transferred:${Date.parse('2026-11-25T01:36:58.500Z')}`,
      source: '/genesys/cloud',
      type: 'contact.transferred',
      time: '2026-11-25T01:36:58.500Z',
      data: { contactId: answeredCall.conversationId, toQueue: 'Billing Escalations', fromAgentId: '9f3c1a2b-4d5e-4f60-8a71-b2c3d4e5f607' },
    });
  });

  it('does not count a customer who chose a callback as abandoned', () => {
    const events = eventsOf(callbackCall);
    expect(events.map((e) => e.type)).toEqual(['contact.queued']);
    expect(events[0].data).toMatchObject({ channel: 'voice', queue: 'Billing' });
    // The same conversation without its callback session is an abandonment.
    const withoutCallback = copy(callbackCall);
    withoutCallback.participants[1].sessions.pop();
    expect(eventsOf(withoutCallback).map((e) => e.type)).toEqual(['contact.queued', 'contact.abandoned']);
  });

  it('maps a messaging conversation onto the chat channel', () => {
    const events = eventsOf(messageConversation);
    expect(events.map((e) => e.type)).toEqual(['contact.queued', 'contact.answered', 'contact.ended']);
    expect(events[0].data).toEqual({
      contactId: messageConversation.conversationId,
      channel: 'chat',
      queue: 'Online Sales',
      direction: 'inbound',
      queueId: '0f2e4d6c-8b0a-4c2e-9d4f-6a8b0c2e4f60',
    });
    expect(events[2].data).toMatchObject({ talkSeconds: 610, afterContactWorkSeconds: 11, disconnectReason: 'client' });
  });

  it('yields the same ids for a conversation seen in progress and then ended', () => {
    const inProgress = copy(answeredCall);
    delete inProgress['conversationEnd'];
    const earlier = eventsOf(inProgress).map((e) => e.id);
    const later = eventsOf(answeredCall).map((e) => e.id);
    expect(earlier).toEqual(later.slice(0, 2));
    expect(later).toHaveLength(3);
  });

  it('names what is missing or malformed', () => {
    const broken = copy(answeredCall);
    delete broken['conversationId'];
    delete broken.participants[3].userId;
    broken.participants[2].sessions[0].mediaType = 'cobrowse';
    broken['conversationEnd'] = 'later';
    expect(errorsOf(broken)).toEqual([
      { path: 'conversationId', message: 'Required' },
      { path: 'participants[2].sessions[0].mediaType', message: expect.stringContaining("'cobrowse'") },
      { path: 'participants[3].userId', message: expect.stringContaining('tAnswered') },
      { path: 'conversationEnd', message: expect.stringContaining('ISO 8601') },
    ]);
    expect(errorsOf({ conversationId: 'c-1' })).toEqual([{ path: 'participants', message: 'Required' }]);
    expect(errorsOf({ conversationId: 'c-1', participants: [{ purpose: 'ivr', sessions: {} }] })).toEqual([
      { path: 'participants[0].sessions', message: 'Expected an array' },
    ]);
    expect(errorsOf('a string')).toEqual([{ path: '', message: expect.any(String) }]);
  });

  it('refuses a conversation that yields no contact event rather than dropping it', () => {
    const ivrOnly = { conversationId: 'c-ivr', originatingDirection: 'inbound', participants: [answeredCall.participants[1]] };
    expect(errorsOf(ivrOnly)).toEqual([{ path: 'participants', message: expect.stringContaining('Nothing to map') }]);
  });

  it('names a milestone metric whose emitDate is missing instead of dropping the milestone', () => {
    const undated = copy(abandonedCall);
    delete undated.participants[2].sessions[0].metrics?.[1].emitDate;
    expect(errorsOf(undated)).toEqual([{ path: 'participants[2].sessions[0].metrics[1].emitDate', message: 'Required' }]);
  });
});

describe('readConversations and mapConversations', () => {
  it('takes a details query response, an array, or one conversation', () => {
    expect(readConversations(queryResponse)).toEqual({ ok: true, conversations: queryResponse.conversations, batch: true });
    expect(readConversations([messageConversation])).toEqual({ ok: true, conversations: [messageConversation], batch: true });
    expect(readConversations(messageConversation)).toEqual({ ok: true, conversations: [messageConversation], batch: false });
    expect(readConversations({ totalHits: 0 })).toEqual({ ok: true, conversations: [], batch: true });
    expect(readConversations({ conversation: {} })).toMatchObject({ ok: false });
    expect(readConversations('text')).toMatchObject({ ok: false });
  });

  it('maps every conversation of a batch, or reports each error with its conversation index', () => {
    const all = mapConversations(queryResponse.conversations, true);
    expect(mappedEvents(all).map((e) => e.type)).toEqual([
      'contact.queued',
      'contact.answered',
      'contact.ended',
      'contact.queued',
      'contact.abandoned',
      'contact.ended',
      'contact.queued',
    ]);
    const { conversationId: _id, ...anonymous } = abandonedCall;
    expect(mapConversations([answeredCall, anonymous], true)).toEqual({
      outcome: 'unmappable',
      errors: [{ index: 1, path: 'conversationId', message: 'Required' }],
    });
    expect(mapConversations([anonymous], false)).toEqual({ outcome: 'unmappable', errors: [{ path: 'conversationId', message: 'Required' }] });
  });

  it('reports a value the catalogue refuses on the record field it came from', () => {
    const longQueue = copy(abandonedCall);
    longQueue.participants[2].participantName = 'q'.repeat(201);
    expect(mappingErrors(mapConversation(longQueue))).toEqual([
      expect.objectContaining({ path: 'participants[2].participantName', message: expect.stringContaining('data.queue of the contact.queued') }),
      expect.objectContaining({ path: 'participants[2].participantName', message: expect.stringContaining('contact.abandoned') }),
      expect.objectContaining({ path: 'participants[2].participantName', message: expect.stringContaining('contact.ended') }),
    ]);
  });
});
