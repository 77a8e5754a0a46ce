import type { EventDataInput, PlatformEventType } from '@hotline/contracts';
import type { FieldReader } from '../kit/field-reader';
import { type ContactChannel, type MappedEvent, mappedEvent } from '../kit/mapped-event';
import { phoneNumberOf } from '../kit/phone-number';
import { GENESYS_SOURCE, milestoneId } from './genesys-vocabulary';

/*
 * The `v2.conversations.{id}` notification: the whole conversation as it stands
 * (ConversationEventTopicConversation: participants[] with purpose, name, queueId, userId,
 * startAcwTime/endAcwTime, wrapupRequired, and their calls[]/callbacks[]/chats[]/messages[]/emails[]
 * with state, connectedTime, disconnectedTime, disconnectType; times ISO 8601). Genesys sends it on
 * every change, so each one yields every milestone reached so far, under the detail records' ids:
 *
 * | milestone | from                                                                                       |
 * | --------- | ------------------------------------------------------------------------------------------ |
 * | queued    | the first acd participant's connectedTime; queue = its name (the queue's), queueId          |
 * | answered  | the first agent communication's connectedTime; wait = from the queued time                 |
 * | abandoned | an acd communication that ended, not by a transfer, before any agent answered (no callback) |
 * | transferred | an agent communication ended by TRANSFER/_CONSULT/_FORWARD/_CONFERENCE: to the next       |
 * |           | queue, agent or external party that joined then or later                                     |
 * | ended     | every communication disconnected and every agent's after-call work done: handle = the       |
 * |           | agents' connected time + ACW (endAcwTime − startAcwTime); the split of talk and hold is not |
 * |           | in the notification, so talkSeconds/holdSeconds are left out                                |
 */

/** The communications of a participant, by the catalogue channel they are. */
const MEDIA: ReadonlyArray<[string, ContactChannel]> = [
  ['calls', 'voice'],
  ['callbacks', 'callback'],
  ['chats', 'chat'],
  ['messages', 'chat'],
  ['emails', 'email'],
  ['videos', 'video'],
];

const OVER = new Set(['DISCONNECTED', 'TERMINATED']);
/** Disconnects by which an agent handed the conversation to someone else (not an unanswered alert). */
const AGENT_TRANSFERS = new Set(['TRANSFER', 'TRANSFER_CONSULT', 'TRANSFER_FORWARD', 'TRANSFER_CONFERENCE']);

interface Communication {
  reader: FieldReader;
  channel: ContactChannel;
  state?: string;
  connectedAt?: number;
  disconnectedAt?: number;
  disconnectType?: string;
}

interface Participant {
  reader: FieldReader;
  purpose?: string;
  connectedAt?: number;
  communications: Communication[];
}

const at = (reader: FieldReader, path: string): number | undefined => {
  const iso = reader.timestamp(path);
  return iso === undefined ? undefined : Date.parse(iso);
};
const isoOf = (ms: number): string => new Date(ms).toISOString();
const secondsBetween = (from: number, to: number): number => Math.max(0, to - from) / 1000;

function readParticipant(reader: FieldReader): Participant {
  const communications = MEDIA.flatMap(([path, channel]) =>
    reader.list(path).map((c) => ({
      reader: c,
      channel,
      state: c.string('state')?.toUpperCase(),
      connectedAt: at(c, 'connectedTime'),
      disconnectedAt: at(c, 'disconnectedTime'),
      disconnectType: c.string('disconnectType')?.toUpperCase(),
    })),
  );
  return { reader, purpose: reader.string('purpose')?.toLowerCase(), connectedAt: at(reader, 'connectedTime'), communications };
}

/** When a participant joined: its connectedTime, else its first communication's. */
function joinedAt(participant: Participant): number | undefined {
  const times = [participant.connectedAt, ...participant.communications.map((c) => c.connectedAt)].filter((t): t is number => t !== undefined);
  return times.length > 0 ? Math.min(...times) : undefined;
}

/** The events a conversation notification's `eventBody` yields; problems are recorded on `body`. */
export function mapConversationSnapshot(body: FieldReader): MappedEvent[] {
  const conversationId = body.required('id', 'the conversation id');
  if (body.value('participants') === undefined) body.fail('participants', 'Required');
  const participants = body.list('participants').map(readParticipant);
  if (!conversationId || body.errors.length > 0) return [];
  const event = <K extends PlatformEventType>(milestone: string, type: K, time: number, data: EventDataInput<K>): MappedEvent<K> =>
    mappedEvent(type, { id: milestoneId(conversationId, milestone), source: GENESYS_SOURCE, time: isoOf(time) }, data);
  const ofPurpose = (purpose: string) => participants.filter((p) => p.purpose === purpose);
  const byJoin = (list: Participant[]) => list.filter((p) => joinedAt(p) !== undefined).sort((a, b) => (joinedAt(a) as number) - (joinedAt(b) as number));
  const queues = byJoin(ofPurpose('acd'));
  const queueNameOf = (queueId: string | undefined) => {
    const acd = queues.find((p) => p.reader.string('queueId') === queueId);
    return acd?.reader.string('name') ?? queueId;
  };
  const events: MappedEvent[] = [];

  const firstQueue = queues[0];
  const queuedAt = firstQueue ? joinedAt(firstQueue) : undefined;
  const queue = firstQueue ? (firstQueue.reader.string('name') ?? firstQueue.reader.string('queueId')) : undefined;
  const customer = ofPurpose('customer')[0];
  if (firstQueue && queuedAt !== undefined) {
    const channel = firstQueue.communications[0]?.channel ?? customer?.communications[0]?.channel;
    // The direction the customer's communication reports, else the queue's.
    const directed = customer?.communications[0] ?? firstQueue.communications[0];
    const direction = directed?.reader.string('direction')?.toLowerCase();
    if (!queue) firstQueue.reader.fail('name', 'Required: the queue (name, or queueId)');
    if (!channel) firstQueue.reader.fail('calls', 'Required: a communication (calls, callbacks, chats, messages, emails, videos)');
    if (directed && direction !== 'inbound' && direction !== 'outbound') directed.reader.fail('direction', "Required: 'INBOUND' or 'OUTBOUND'");
    if (queue && channel && (direction === 'inbound' || direction === 'outbound')) {
      const phone = phoneNumberOf(customer?.reader.string('address'));
      events.push(
        event('queued', 'contact.queued', queuedAt, {
          contactId: conversationId,
          channel,
          queue,
          direction,
          customer: phone ? { phone } : undefined,
          queueId: firstQueue.reader.string('queueId'),
        }),
      );
    }
  }

  // The agents who talked with the customer, in the order they answered.
  const agents = ofPurpose('agent').flatMap((p) => p.communications.filter((c) => c.connectedAt !== undefined).map((c) => ({ participant: p, c })));
  agents.sort((a, b) => (a.c.connectedAt as number) - (b.c.connectedAt as number));
  const answer = agents[0];
  const agentId = answer?.participant.reader.string('userId');
  if (answer) {
    if (!agentId) answer.participant.reader.fail('userId', 'Required: the agent who answered');
    else {
      const answeredAt = answer.c.connectedAt as number;
      events.push(
        event('answered', 'contact.answered', answeredAt, {
          contactId: conversationId,
          agentId,
          queue: queueNameOf(answer.participant.reader.string('queueId')) ?? queue,
          waitSeconds: queuedAt !== undefined && queuedAt <= answeredAt ? secondsBetween(queuedAt, answeredAt) : undefined,
        }),
      );
    }
  }

  // The customer hung up while waiting: a queue's communication ended, not by a transfer, before any answer.
  const choseCallback = participants.some((p) => p.communications.some((c) => c.channel === 'callback'));
  const queueEnds = queues.flatMap((p) => p.communications.filter((c) => c.disconnectedAt !== undefined).map((c) => ({ participant: p, c })));
  const hangUp = queueEnds.find(({ c }) => !c.disconnectType?.startsWith('TRANSFER') && c.disconnectType !== 'TIMEOUT' && c.disconnectType !== 'SYSTEM');
  const abandonedAt = !answer && !choseCallback && hangUp ? (hangUp.c.disconnectedAt as number) : undefined;
  const waited = (end: number) => (queuedAt !== undefined && queuedAt <= end ? secondsBetween(queuedAt, end) : undefined);
  if (abandonedAt !== undefined && hangUp) {
    events.push(event('abandoned', 'contact.abandoned', abandonedAt, { contactId: conversationId, queue: queueNameOf(hangUp.participant.reader.string('queueId')) ?? queue, waitSeconds: waited(abandonedAt) }));
  }

  // Each transfer by an agent who had answered, to whoever joined next.
  for (const { participant, c } of agents) {
    if (c.disconnectedAt === undefined || !c.disconnectType || !AGENT_TRANSFERS.has(c.disconnectType)) continue;
    const time = c.disconnectedAt;
    const next = byJoin(participants.filter((p) => p !== participant && ['acd', 'agent', 'external'].includes(p.purpose ?? '') && (joinedAt(p) as number) >= time))[0];
    const target = next && transferTarget(next);
    if (target) {
      events.push(event(`transferred:${time}`, 'contact.transferred', time, { contactId: conversationId, ...target, fromAgentId: participant.reader.string('userId') }));
    }
  }

  // The end: every communication over and every agent's after-call work done.
  const communications = participants.flatMap((p) => p.communications);
  const agentParticipants = [...new Set(agents.map((a) => a.participant))];
  const wrapping = agentParticipants.some((p) => p.reader.value('wrapupRequired') === true && p.reader.value('endAcwTime') === undefined);
  const over = communications.length > 0 && communications.every((c) => c.state !== undefined && OVER.has(c.state) && c.disconnectedAt !== undefined);
  if (over && !wrapping) {
    const acw = agentParticipants.map((p) => ({ start: at(p.reader, 'startAcwTime'), end: at(p.reader, 'endAcwTime') }));
    const acwSeconds = acw.filter((w) => w.start !== undefined && w.end !== undefined).map((w) => secondsBetween(w.start as number, w.end as number));
    const endedAt = Math.max(...communications.map((c) => c.disconnectedAt as number), ...acw.map((w) => w.end ?? 0));
    const connected = agents.map(({ c }) => secondsBetween(c.connectedAt as number, c.disconnectedAt as number)).reduce((sum, s) => sum + s, 0);
    const afterContactWorkSeconds = acwSeconds.length > 0 ? acwSeconds.reduce((sum, s) => sum + s, 0) : undefined;
    const customerEnd = customer?.communications.map((c) => c.disconnectType).find((t) => t !== undefined);
    const lastQueueEnd = queueEnds.reduce<number | undefined>((latest, { c }) => Math.max(latest ?? 0, c.disconnectedAt as number), undefined);
    const exits = queueEnds.map(({ c }) => c.disconnectType);
    const outcome =
      abandonedAt !== undefined
        ? 'abandoned'
        : choseCallback
          ? 'callback_requested'
          : exits.some((t) => t?.startsWith('TRANSFER'))
            ? 'transferred'
            : exits.includes('TIMEOUT')
              ? 'timed_out'
              : 'ended';
    events.push(
      event('ended', 'contact.ended', endedAt, {
        contactId: conversationId,
        agentId,
        afterContactWorkSeconds,
        handleSeconds: answer ? connected + (afterContactWorkSeconds ?? 0) : undefined,
        disconnectReason: customerEnd?.toLowerCase(),
        queue,
        ...(answer || !firstQueue
          ? {}
          : { queueOutcome: outcome, dequeuedAt: lastQueueEnd === undefined ? undefined : isoOf(lastQueueEnd), waitSeconds: lastQueueEnd === undefined ? undefined : waited(lastQueueEnd) }),
      }),
    );
  }
  return body.errors.length > 0 ? [] : events;
}

function transferTarget(next: Participant): { toQueue?: string; toAgentId?: string; toEndpoint?: string } | undefined {
  if (next.purpose === 'acd') {
    const toQueue = next.reader.string('name') ?? next.reader.string('queueId');
    return toQueue ? { toQueue } : undefined;
  }
  if (next.purpose === 'agent') {
    const toAgentId = next.reader.string('userId');
    return toAgentId ? { toAgentId } : undefined;
  }
  const toEndpoint = next.reader.string('address') ?? next.reader.string('name');
  return toEndpoint ? { toEndpoint } : undefined;
}

/** Whether a topic is a conversation's own (`v2.conversations.{id}`), not one of its sub-topics. */
export const isConversationTopic = (topic: string): boolean => /^v2\.conversations\.[^.]+$/.test(topic);
