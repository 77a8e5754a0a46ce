import { catalogueErrors } from '../kit/catalogue-errors';
import type { FieldError } from '../kit/field-error';
import { FieldReader, isObject, notAnObject } from '../kit/field-reader';
import type { EventDataInput, PlatformEventType } from '@hotline/contracts';
import { type MappedEvent, mappedEvent } from '../kit/mapped-event';
import { mapped, type MappingResult, unmappable } from '../kit/mapping-result';
import { phoneNumberOf } from '../kit/phone-number';
import { isConversationTopic, mapConversationSnapshot } from './conversation-notification-mapping';
import { CHANNELS, GENESYS_SOURCE, milestoneId } from './genesys-vocabulary';
import { readGenesysNotification } from './notification-envelope';

/*
 * Genesys Cloud analytics detail events, the live feed of a conversation's milestones
 * (`v2.detail.events.conversation.{id}.<event>`; "Available topics" and the Platform API clients'
 * `*DetailEventTopic*Event` models), as a notification channel delivers them
 * (`{topicName, version, eventBody, metadata}`) or the Amazon EventBridge integration does
 * (`{"detail-type": <topic>, "detail": <notification>}`). `eventTime` is epoch milliseconds,
 * durations are milliseconds, enumerations upper-case.
 *
 * | topic        | event                                                                                    |
 * | ------------ | ---------------------------------------------------------------------------------------- |
 * | acd.start    | contact.queued (queue = queueId: detail events carry no queue names)                     |
 * | acd.end      | ANSWERED: contact.answered (answeredUserId, wait = connectedDurationMs);                 |
 * |              | ABANDON by the customer: contact.abandoned and contact.ended (queueOutcome abandoned);   |
 * |              | FLOW_OUT ending the call: contact.ended with its reason; moved on (a transfer): none     |
 * | user.end     | contact.ended of the agent who talked: talk, hold (and after-call work when the acw      |
 * |              | event comes in the same delivery); an agent who transferred or never connected: none     |
 * | customer.end | contact.ended, unless the conversation was answered (the agent's user.end ends it)       |
 * | acw          | contact.completed of that agent participant (wrap-up time, code); its after-call work    |
 * |              | also joins the agent's contact.ended of the same delivery                                 |
 *
 * A `v2.conversations.{id}` notification (the conversation as it stands) on the same delivery is
 * mapped by `conversation-notification-mapping.ts`.
 *
 * Ids are the detail records' own (`genesys:<conversationId>:<milestone>`), so a conversation sent
 * both live and as a detail record is counted once: whichever brings a milestone first keeps it. The
 * detail record has no completion (its tAcw is on the ended): `…:completed:<participantId>` is the acw's own.
 */

/** Detail event times are epoch milliseconds. */
const DETAIL_EVENT_TIMESTAMPS = ['epochMillis'] as const;

const TOPIC = /^v2\.detail\.events\.conversation\.[^.]+\.(.+)$/;

/** disconnectType values by which a session handed the conversation on rather than ending it. */
const HANDED_ON = new Set(['TRANSFER', 'CONSULT_TRANSFER', 'FORWARD_TRANSFER', 'CONFERENCE_TRANSFER', 'NO_ANSWER_TRANSFER', 'NOT_AVAILABLE_TRANSFER', 'DND_TRANSFER']);

/** One notification's mapping, and what a contact.ended it yields is superseded by. */
interface Mapping {
  result: MappingResult;
  /** An ended that stands only while the conversation was not answered: the answered milestone's id. */
  unlessAnswered?: string;
  /** After-call work to fold into the agent's ended of the same delivery. */
  afterCallWork?: { endedId: string; agentId: string; seconds?: number; wrapupCode?: string };
}

/** A delivery's events, and the rule the pipeline applies to those that stand only while nothing better is kept. */
export interface DetailEventsMapping {
  result: MappingResult;
  /** For the pipeline's `supersededBy`: a customer's end is no contact's end once an agent answered. */
  supersededBy: (event: { id: string }) => string | undefined;
}

/** One notification or EventBridge event, or an array of them. */
export function readDetailEvents(body: unknown): { records: unknown[]; batch: boolean } {
  return Array.isArray(body) ? { records: body, batch: true } : { records: [body], batch: false };
}

/**
 * Maps a delivery; any unmappable notification makes it unmappable (errors indexed in a batch).
 * Notifications of other topics, and detail events that are no milestone, are ignored.
 */
export function mapDetailEvents(records: readonly unknown[], batch: boolean): DetailEventsMapping {
  const mappings = records.map(mapDetailEvent);
  const errors = mappings.flatMap(({ result }, index) =>
    result.outcome === 'unmappable' ? result.errors.map((error) => (batch ? { ...error, index } : error)) : [],
  );
  if (records.length === 0) errors.push({ ...(batch ? { index: 0 } : {}), path: '', message: 'The delivery holds no notifications' });
  const none = () => undefined;
  if (errors.length > 0) return { result: unmappable(errors), supersededBy: none };

  // A customer's end stands only while the conversation is unanswered: it yields to an answer or
  // another end (an agent's, an abandon) of the same delivery here, and to a kept answer in the pipeline.
  const unlessAnswered = new Map<MappedEvent, string>();
  for (const mapping of mappings) for (const event of eventsOf(mapping)) if (mapping.unlessAnswered) unlessAnswered.set(event, mapping.unlessAnswered);
  const all = mappings.flatMap(eventsOf);
  const events = withAfterCallWork(
    all.filter((event) => {
      const answeredId = unlessAnswered.get(event);
      return answeredId === undefined || !all.some((other) => other.id === answeredId || (other.id === event.id && !unlessAnswered.has(other)));
    }),
    mappings,
  );
  if (events.length === 0) {
    const reasons = mappings.map(({ result }) => (result.outcome === 'ignored' ? `${result.eventType}: ${result.reason}` : undefined));
    const reason = [...new Set(reasons.filter((r): r is string => r !== undefined))].join('; ');
    return { result: { outcome: 'ignored', eventType: 'detail events', reason: reason || 'No contact milestone' }, supersededBy: none };
  }
  const provisional = new Map([...unlessAnswered].filter(([event]) => events.includes(event)).map(([event, answeredId]) => [event.id, answeredId]));
  return { result: mapped(events), supersededBy: (event) => provisional.get(event.id) };
}

function eventsOf(mapping: Mapping): MappedEvent[] {
  return mapping.result.outcome === 'mapped' ? mapping.result.events : [];
}

/** Folds each acw's wrap-up onto the same agent's ended of the delivery; an acw with no such ended adds nothing. */
function withAfterCallWork(events: MappedEvent[], mappings: readonly Mapping[]): MappedEvent[] {
  const work = mappings.flatMap((m) => (m.afterCallWork ? [m.afterCallWork] : []));
  if (work.length === 0) return events;
  return events.map((event) => {
    if (event.type !== 'contact.ended') return event;
    const own = work.filter((w) => w.endedId === event.id && w.agentId === event.data.agentId && w.seconds !== undefined);
    if (own.length === 0) return event;
    const seconds = own.reduce((sum, w) => sum + (w.seconds as number), 0);
    const wrapupCode = own.map((w) => w.wrapupCode).find((code) => code !== undefined);
    return { ...event, data: { ...event.data, afterContactWorkSeconds: seconds, ...(wrapupCode ? { wrapupCode } : {}) } };
  });
}

/** One notification (or EventBridge event) of a conversation's detail events. */
export function mapDetailEvent(value: unknown): Mapping {
  if (!isObject(value)) return { result: unmappable([notAnObject(value, 'a Genesys Cloud notification or EventBridge event')]) };
  const outer = FieldReader.of(value, DETAIL_EVENT_TIMESTAMPS);
  const { notification, topic, eventBody: body } = readGenesysNotification(outer);
  if (!notification) {
    outer.fail('detail', 'Required: the notification an EventBridge event carries ({topicName, eventBody})');
    return { result: unmappable(outer.errors) };
  }
  if (!topic) {
    notification.required('topicName', 'the notification topic (v2.detail.events.conversation.{id}.<event>)');
    return { result: unmappable(outer.errors) };
  }
  if (isConversationTopic(topic)) return conversationSnapshot(value);
  const kind = TOPIC.exec(topic)?.[1];
  const handler = kind ? HANDLERS[kind] : undefined;
  if (!handler) return ignored(topic.slice(0, 200), 'no contact milestone (another topic or detail event)');

  if (!body) {
    notification.fail('eventBody', 'Required: the detail event');
    return { result: unmappable(outer.errors) };
  }
  const conversationId = body.required('conversationId');
  const time = body.timestamp('eventTime', true);
  const context: EventContext = { body, conversationId: conversationId ?? '', time: time ?? '', kind: kind as string };
  const mapping = handler(context);
  if (outer.errors.length > 0 || !conversationId || !time) return { result: unmappable(outer.errors, kind) };
  if (mapping.result.outcome !== 'mapped') return mapping;
  const errors: FieldError[] = mapping.result.events.flatMap((event) => catalogueErrors(event, 'detail event', (path) => fieldOf(body, path)));
  return errors.length > 0 ? { result: unmappable(errors, kind) } : mapping;
}

/** A `v2.conversations.{id}` notification: the conversation as it stands, its times ISO 8601. */
function conversationSnapshot(value: Record<string, unknown>): Mapping {
  const outer = FieldReader.of(value, ['iso8601']);
  const { notification, eventBody: body } = readGenesysNotification(outer);
  if (!body) {
    (notification ?? outer).fail('eventBody', 'Required: the conversation');
    return { result: unmappable(outer.errors) };
  }
  const events = mapConversationSnapshot(body);
  if (outer.errors.length > 0) return { result: unmappable(outer.errors, 'conversation') };
  const errors = events.flatMap((event) => catalogueErrors(event, 'conversation notification', (path) => (path === 'id' || path === 'data.contactId' ? body.pathOf('id') : undefined)));
  if (errors.length > 0) return { result: unmappable(errors, 'conversation') };
  return events.length > 0 ? { result: mapped(events) } : ignored('v2.conversations.{id}', 'no milestone yet (the conversation has reached no queue)');
}

interface EventContext {
  body: FieldReader;
  conversationId: string;
  time: string;
  kind: string;
}

type Handler = (context: EventContext) => Mapping;

const HANDLERS: Record<string, Handler> = {
  'acd.start': acdStart,
  'acd.end': acdEnd,
  'user.end': userEnd,
  'customer.end': customerEnd,
  acw: afterCallWork,
  'customer.start': ({ kind }) => ignored(kind, 'the customer joined; the conversation is queued at acd.start'),
  'user.start': ({ kind }) => ignored(kind, 'an agent was offered the conversation; it is answered at acd.end (ANSWERED)'),
};

/** The platform field a catalogue field came from, for errors the catalogue finds. */
function fieldOf(body: FieldReader, eventPath: string): string | undefined {
  const fields: Record<string, string> = {
    id: 'conversationId',
    'data.contactId': 'conversationId',
    'data.queue': 'queueId',
    'data.agentId': body.has('answeredUserId') ? 'answeredUserId' : 'userId',
    'data.disconnectReason': 'disconnectType',
    'data.completedReason': 'wrapupCode',
  };
  return fields[eventPath] === undefined ? undefined : body.pathOf(fields[eventPath]);
}

function event<K extends PlatformEventType>(context: EventContext, milestone: string, type: K, data: EventDataInput<K>): MappedEvent<K> {
  return mappedEvent(type, { id: milestoneId(context.conversationId, milestone), source: GENESYS_SOURCE, time: context.time }, data);
}

function ignored(eventType: string, reason: string): Mapping {
  return { result: { outcome: 'ignored', eventType, reason } };
}

const seconds = (ms: number | undefined): number | undefined => (ms === undefined ? undefined : ms / 1000);

/** acd.start: the conversation entered a queue. */
function acdStart(context: EventContext): Mapping {
  const { body, conversationId } = context;
  const queueId = body.required('queueId', 'the queue the conversation entered');
  const mediaType = body.string('mediaType');
  const channel = mediaType ? CHANNELS.get(mediaType.toLowerCase()) : undefined;
  if (!channel) body.fail('mediaType', `${mediaType ? `'${mediaType.slice(0, 50)}' is not` : 'Required:'} a contact media type (${[...CHANNELS.keys()].join(', ')})`);
  const direction = body.string('direction')?.toLowerCase();
  if (direction !== 'inbound' && direction !== 'outbound') body.fail('direction', "Required: 'INBOUND' or 'OUTBOUND'");
  if (!queueId || !channel || (direction !== 'inbound' && direction !== 'outbound')) return { result: mapped([]) };
  // The customer's number: the caller (ani) of an inbound conversation, the number dialled (dnis) of an outbound one.
  const phone = phoneNumberOf(body.string(direction === 'outbound' ? 'dnis' : 'ani'));
  return {
    result: mapped([
      event(context, 'queued', 'contact.queued', { contactId: conversationId, channel, queue: queueId, direction, customer: phone ? { phone } : undefined, queueId }),
    ]),
  };
}

/** acd.end: the conversation left the queue, answered, abandoned, or moved on by its in-queue flow. */
function acdEnd(context: EventContext): Mapping {
  const { body, conversationId, time, kind } = context;
  const outcome = body.required('acdOutcome', 'how the conversation left the queue (ANSWERED, ABANDON, FLOW_OUT)');
  const queue = body.required('queueId', 'the queue the conversation left');
  // connectedDurationMs: how long the conversation was in the queue, Genesys's own wait (tAcd).
  const waitSeconds = seconds(body.amount('connectedDurationMs'));
  const disconnectType = body.string('disconnectType')?.toUpperCase();
  if (outcome === 'ANSWERED') {
    const agentId = body.required('answeredUserId', 'the agent who answered (acdOutcome ANSWERED)');
    if (!agentId || !queue) return { result: mapped([]) };
    return { result: mapped([event(context, 'answered', 'contact.answered', { contactId: conversationId, agentId, queue, waitSeconds })]) };
  }
  if (outcome !== undefined && outcome !== 'ABANDON' && outcome !== 'FLOW_OUT') body.fail('acdOutcome', `Expected ANSWERED, ABANDON or FLOW_OUT, got '${outcome.slice(0, 50)}'`);
  if (!queue || (outcome !== 'ABANDON' && outcome !== 'FLOW_OUT')) return { result: mapped([]) };
  // The session was handed on (another queue, a callback, voicemail): the conversation goes on, and is no abandon.
  if (disconnectType !== undefined && HANDED_ON.has(disconnectType)) {
    return ignored(kind, `left the queue by ${disconnectType.toLowerCase().slice(0, 50)} (acdOutcome ${outcome}): the conversation goes on, no abandon`);
  }
  const abandoned = outcome === 'ABANDON';
  const ended = event(context, 'ended', 'contact.ended', {
    contactId: conversationId,
    queue,
    queueOutcome: abandoned ? 'abandoned' : disconnectType === 'TIMEOUT' ? 'timed_out' : 'flow_out',
    dequeuedAt: time,
    waitSeconds,
    disconnectReason: disconnectType?.toLowerCase(),
  });
  // Only the customer's hang-up while waiting is an abandon; a flow's exit ends the conversation with its reason.
  return { result: mapped(abandoned ? [event(context, 'abandoned', 'contact.abandoned', { contactId: conversationId, queue, waitSeconds }), ended] : [ended]) };
}

/** user.end: an agent's session ended; the end of the contact when the agent talked with the customer and did not hand it on. */
function userEnd(context: EventContext): Mapping {
  const { body, conversationId, kind } = context;
  const agentId = body.required('userId', 'the agent whose session ended');
  const talkMs = body.amount('interactingDurationMs');
  const holdMs = body.amount('heldDurationMs');
  const disconnectType = body.string('disconnectType')?.toUpperCase();
  if (!agentId) return { result: mapped([]) };
  if (disconnectType !== undefined && HANDED_ON.has(disconnectType)) {
    return ignored(kind, `the agent handed the conversation on (${disconnectType.toLowerCase().slice(0, 50)}): it goes on`);
  }
  if (!talkMs) return ignored(kind, 'the agent never talked with the customer (no interactingDurationMs)');
  return {
    result: mapped([
      event(context, 'ended', 'contact.ended', {
        contactId: conversationId,
        agentId,
        talkSeconds: seconds(talkMs),
        holdSeconds: seconds(holdMs ?? 0),
        queue: body.string('queueId'),
        disconnectReason: disconnectType?.toLowerCase(),
      }),
    ]),
  };
}

/** customer.end: the customer left; the contact's end unless an agent answered (whose user.end brings talk and hold). */
function customerEnd(context: EventContext): Mapping {
  const { body, conversationId } = context;
  const disconnectType = body.string('disconnectType')?.toLowerCase();
  return {
    result: mapped([event(context, 'ended', 'contact.ended', { contactId: conversationId, disconnectReason: disconnectType })]),
    unlessAnswered: milestoneId(conversationId, 'answered'),
  };
}

/**
 * acw: the agent finished the after-call work: `contact.completed` at its time, one per agent
 * participant (a conversation handed on has one wrap-up per agent). The work also joins that agent's
 * ended when both come in one delivery, as the detail record's tAcw does; quality takes an ended's
 * after-contact work over a completion's, so the two never add up.
 */
function afterCallWork(context: EventContext): Mapping {
  const { body, conversationId } = context;
  const agentId = body.required('userId', 'the agent who wrapped up');
  const participantId = body.required('participantId', 'the agent participant who wrapped up');
  const ms = body.amount('wrapupDurationMs');
  const wrapupCode = body.string('wrapupCode');
  if (!agentId || !participantId) return { result: mapped([]) };
  const afterContactWorkSeconds = seconds(ms);
  return {
    result: mapped([
      event(context, `completed:${participantId}`, 'contact.completed', {
        contactId: conversationId,
        agentId,
        queue: body.string('queueId'),
        afterContactWorkSeconds,
        completedReason: wrapupCode,
      }),
    ]),
    afterCallWork: { endedId: milestoneId(conversationId, 'ended'), agentId, seconds: afterContactWorkSeconds, wrapupCode },
  };
}
