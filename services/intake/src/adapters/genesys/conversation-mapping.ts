import { validateIncomingEvent } from '@hotline/contracts';
import { platformTimestampToIso } from '../platform-timestamp';

/**
 * Maps Genesys Cloud analytics conversation detail records (the `conversations` of a
 * `POST /api/v2/analytics/conversations/details/query` response, or of a details job's results)
 * onto catalogue events. Field names are Genesys's (AnalyticsConversation, AnalyticsParticipant,
 * AnalyticsSession, AnalyticsConversationSegment, AnalyticsSessionMetric); times are ISO 8601 and
 * durations in milliseconds.
 *
 * | milestone          | taken from                                                              |
 * | ------------------ | ----------------------------------------------------------------------- |
 * | contact.queued     | the earliest segmentStart of an `acd` participant (the queue it names)  |
 * | contact.answered   | the earliest `tAnswered` metric's emitDate; the agent is its userId     |
 * | contact.abandoned  | the earliest `tAbandon` emitDate, unless the contact was answered or    |
 * |                    | the customer chose a callback (the conversation has a callback session) |
 * | contact.ended      | conversationEnd; talk, hold and after-call work summed from the tTalk,  |
 * |                    | tHeld and tAcw of the agent sessions that answered                      |
 *
 * Ids are `genesys:<conversationId>:<milestone>`: Genesys returns a conversation again as it
 * progresses (a query over an interval sees it in progress, later ended), and each time it yields
 * the same ids, so only the milestones that are new get published.
 */

export interface PlatformEventItem {
  id: string;
  source: string;
  type: string;
  time: string;
  data: Record<string, unknown>;
}

export interface ConversationError {
  /** The conversation's position in the delivery, when several were sent. */
  index?: number;
  path: string;
  message: string;
}

export type ConversationsMapping = { ok: true; events: PlatformEventItem[] } | { ok: false; errors: ConversationError[] };

export const GENESYS_SOURCE = '/genesys/cloud';

type Channel = 'voice' | 'chat' | 'email' | 'callback' | 'video';

/** AnalyticsSession.mediaType values that are contacts, as catalogue channels. */
const CHANNELS: ReadonlyMap<string, Channel> = new Map([
  ['voice', 'voice'],
  ['callback', 'callback'],
  ['chat', 'chat'],
  ['message', 'chat'],
  ['email', 'email'],
  ['video', 'video'],
]);

type Json = Record<string, unknown>;

/** `{conversations: [...]}` (a details query response), an array of conversations, or one conversation. */
export function readConversations(body: unknown): { ok: true; conversations: unknown[]; batch: boolean } | { ok: false; message: string } {
  if (Array.isArray(body)) return { ok: true, conversations: body, batch: true };
  if (isObject(body) && 'conversationId' in body) return { ok: true, conversations: [body], batch: false };
  if (isObject(body) && Array.isArray(body['conversations'])) return { ok: true, conversations: body['conversations'], batch: true };
  // A details query with no results answers `{"totalHits": 0}`, without `conversations`.
  if (isObject(body) && body['totalHits'] === 0 && body['conversations'] === undefined) return { ok: true, conversations: [], batch: true };
  return {
    ok: false,
    message:
      'Expected a Genesys Cloud conversation detail record (with conversationId and participants), an array of them, ' +
      'or an analytics conversation details query response ({"conversations": [...]})',
  };
}

export function mapConversations(conversations: readonly unknown[], batch: boolean): ConversationsMapping {
  const events: PlatformEventItem[] = [];
  const errors: ConversationError[] = [];
  conversations.forEach((conversation, index) => {
    const result = mapConversation(conversation);
    events.push(...result.events);
    errors.push(...result.errors.map((error) => (batch ? { index, ...error } : error)));
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, events };
}

interface Located<T> {
  value: T;
  path: string;
}

interface Participant extends Located<Json> {
  sessions: Session[];
}

interface Session extends Located<Json> {
  participant: Participant;
  segments: Located<Json>[];
  metrics: Located<Json>[];
}

/** One conversation's events, or the problems that stop it from being mapped. */
export function mapConversation(input: unknown): { events: PlatformEventItem[]; errors: Omit<ConversationError, 'index'>[] } {
  const errors: Omit<ConversationError, 'index'>[] = [];
  const fail = (path: string, message: string) => errors.push({ path, message });
  if (!isObject(input)) return { events: [], errors: [{ path: '', message: 'Expected a conversation detail record (an object)' }] };
  const conversationId = text(input['conversationId']);
  if (!conversationId) fail('conversationId', 'Required');
  const participants = readParticipants(input, fail);

  const sessions = participants.flatMap((p) => p.sessions);
  const ofPurpose = (purpose: string) => sessions.filter((s) => text(s.participant.value['purpose'])?.toLowerCase() === purpose);
  const queueNames = queueNamesById(ofPurpose('acd'));
  const time = (value: unknown, path: string): string | undefined => {
    const iso = platformTimestampToIso(value);
    if (!iso) fail(path, value === undefined ? 'Required' : 'Expected an ISO 8601 timestamp, e.g. 2026-11-25T01:30:00.000Z');
    return iso;
  };

  // `fields` names the record field each catalogue field came from, for errors the catalogue finds.
  const drafts: Array<{ milestone: string; type: string; time: string | undefined; data: Json; fields?: Record<string, string> }> = [];

  // contact.queued: when the conversation first reached a queue.
  const firstQueueSegment = earliest(ofPurpose('acd').flatMap((s) => s.segments.map((segment) => ({ session: s, segment }))), ({ segment }) =>
    platformTimestampToIso(segment.value['segmentStart']),
  );
  if (firstQueueSegment) {
    const { session, segment } = firstQueueSegment.item;
    const queueId = text(segment.value['queueId']);
    const queue = text(session.participant.value['participantName']) ?? queueId;
    if (!queue) fail(`${session.participant.path}.participantName`, 'Required: the queue (participantName, or queueId on its segments)');
    const mediaType = text(session.value['mediaType']);
    const channel = mediaType ? CHANNELS.get(mediaType.toLowerCase()) : undefined;
    if (!channel) {
      const known = [...CHANNELS.keys()].join(', ');
      fail(`${session.path}.mediaType`, `${mediaType ? `'${mediaType}' is not` : 'Required:'} a contact media type (${known})`);
    }
    const directionValue = text(input['originatingDirection']) ?? text(session.value['direction']);
    const direction = directionValue === 'inbound' || directionValue === 'outbound' ? directionValue : undefined;
    if (!direction) fail('originatingDirection', "Expected 'inbound' or 'outbound'");
    const phone = customerPhone(ofPurpose('customer'), direction);
    drafts.push({
      milestone: 'queued',
      type: 'contact.queued',
      time: time(segment.value['segmentStart'], `${segment.path}.segmentStart`),
      data: {
        contactId: conversationId,
        channel,
        queue,
        direction,
        ...(phone ? { customer: { phone } } : {}),
        ...compact({ queueId }),
      },
      fields: { 'data.queue': `${session.participant.path}.participantName` },
    });
  }

  // contact.answered: the first agent to answer.
  const answers = metricsNamed(ofPurpose('agent'), 'tAnswered');
  const firstAnswer = earliest(answers, ({ metric }) => platformTimestampToIso(metric.value['emitDate']));
  const agentId = firstAnswer ? text(firstAnswer.item.session.participant.value['userId']) : undefined;
  if (firstAnswer) {
    const { session, metric } = firstAnswer.item;
    if (!agentId) fail(`${session.participant.path}.userId`, 'Required: the agent who answered (tAnswered)');
    drafts.push({
      milestone: 'answered',
      type: 'contact.answered',
      time: time(metric.value['emitDate'], `${metric.path}.emitDate`),
      data: { contactId: conversationId, agentId, ...compact({ queue: queueOf(session, queueNames) }) },
      fields: { 'data.agentId': `${session.participant.path}.userId` },
    });
  } else {
    reportUndated(answers, fail);
  }

  // contact.abandoned: the customer left the queue before anyone answered, and did not ask to be called back.
  const abandons = metricsNamed(sessions, 'tAbandon');
  const firstAbandon = earliest(abandons, ({ metric }) => platformTimestampToIso(metric.value['emitDate']));
  const choseCallback = sessions.some((s) => text(s.value['mediaType'])?.toLowerCase() === 'callback');
  if (firstAbandon && !firstAnswer && !choseCallback) {
    const { session, metric } = firstAbandon.item;
    const waited = Number(metric.value['value']);
    drafts.push({
      milestone: 'abandoned',
      type: 'contact.abandoned',
      time: time(metric.value['emitDate'], `${metric.path}.emitDate`),
      data: {
        contactId: conversationId,
        ...compact({ queue: queueOf(session, queueNames) }),
        ...(Number.isFinite(waited) && waited >= 0 ? { waitSeconds: waited / 1000 } : {}),
      },
      fields: { 'data.queue': `${session.participant.path}.participantName` },
    });
  } else if (!firstAbandon) {
    reportUndated(abandons, fail);
  }

  // contact.ended: once Genesys closes the conversation (after wrap-up).
  if (input['conversationEnd'] !== undefined) {
    const handled = firstAnswer ? answers.map((a) => a.session) : [];
    const handledSessions = [...new Set(handled)];
    const seconds = (name: string) => {
      const values = metricsNamed(handledSessions, name).map(({ metric }) => Number(metric.value['value']));
      const valid = values.filter((v) => Number.isFinite(v) && v >= 0);
      return valid.length > 0 ? valid.reduce((sum, v) => sum + v, 0) / 1000 : undefined;
    };
    drafts.push({
      milestone: 'ended',
      type: 'contact.ended',
      time: time(input['conversationEnd'], 'conversationEnd'),
      data: {
        contactId: conversationId,
        ...compact({
          agentId,
          talkSeconds: seconds('tTalk'),
          holdSeconds: seconds('tHeld'),
          afterContactWorkSeconds: seconds('tAcw'),
          handleSeconds: seconds('tHandle'),
          disconnectReason: lastDisconnectType(ofPurpose('customer')),
        }),
      },
    });
  }

  if (drafts.length === 0 && conversationId && errors.length === 0) {
    fail(
      'participants',
      'Nothing to map: no acd participant (queued), no tAnswered or tAbandon metric, and no conversationEnd yet',
    );
  }
  if (errors.length > 0 || !conversationId) return { events: [], errors };

  const events = drafts.map(({ milestone, type, time: at, data, fields = {} }) => {
    const event = { id: `genesys:${conversationId}:${milestone}`, source: GENESYS_SOURCE, type, time: at as string, data };
    errors.push(...catalogueErrors(event, fields));
    return event;
  });
  return errors.length > 0 ? { events: [], errors } : { events, errors };
}

function readParticipants(conversation: Json, fail: (path: string, message: string) => void): Participant[] {
  const participants = conversation['participants'];
  if (!Array.isArray(participants)) {
    fail('participants', participants === undefined ? 'Required' : 'Expected an array');
    return [];
  }
  return participants.flatMap((value, p): Participant[] => {
    const path = `participants[${p}]`;
    if (!isObject(value)) {
      fail(path, 'Expected an object');
      return [];
    }
    const participant: Participant = { value, path, sessions: [] };
    participant.sessions = list(value['sessions'], `${path}.sessions`, fail).map((session) => ({
      ...session,
      participant,
      segments: list(session.value['segments'], `${session.path}.segments`, fail),
      metrics: list(session.value['metrics'], `${session.path}.metrics`, fail),
    }));
    return [participant];
  });
}

/** The objects of an optional array, located; a present non-array, or a non-object element, is an error. */
function list(value: unknown, path: string, fail: (path: string, message: string) => void): Located<Json>[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    fail(path, 'Expected an array');
    return [];
  }
  return value.flatMap((item, i) => {
    if (isObject(item)) return [{ value: item, path: `${path}[${i}]` }];
    fail(`${path}[${i}]`, 'Expected an object');
    return [];
  });
}

function metricsNamed(sessions: readonly Session[], name: string): Array<{ session: Session; metric: Located<Json> }> {
  return sessions.flatMap((session) => session.metrics.filter((m) => m.value['name'] === name).map((metric) => ({ session, metric })));
}

/** The item with the earliest time; items without a valid time are passed over. */
function earliest<T>(items: readonly T[], timeOf: (item: T) => string | undefined): { item: T; time: string } | undefined {
  let best: { item: T; time: string } | undefined;
  for (const item of items) {
    const time = timeOf(item);
    if (time && (!best || Date.parse(time) < Date.parse(best.time))) best = { item, time };
  }
  return best;
}

/** A milestone metric is there but none has a usable emitDate: name them, rather than drop the milestone. */
function reportUndated(metrics: ReadonlyArray<{ metric: Located<Json> }>, fail: (path: string, message: string) => void): void {
  for (const { metric } of metrics) {
    fail(`${metric.path}.emitDate`, metric.value['emitDate'] === undefined ? 'Required' : 'Expected an ISO 8601 timestamp');
  }
}

/** Queue names by id: an acd participant is named after its queue. */
function queueNamesById(acdSessions: readonly Session[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const session of acdSessions) {
    const name = text(session.participant.value['participantName']);
    for (const segment of session.segments) {
      const id = text(segment.value['queueId']);
      if (id && name && !names.has(id)) names.set(id, name);
    }
  }
  return names;
}

function queueOf(session: Session, queueNames: ReadonlyMap<string, string>): string | undefined {
  const queueId = session.segments.map((s) => text(s.value['queueId'])).find((id) => id !== undefined);
  if (text(session.participant.value['purpose'])?.toLowerCase() === 'acd') return text(session.participant.value['participantName']) ?? queueId;
  return queueId ? (queueNames.get(queueId) ?? queueId) : undefined;
}

/** The customer's number: the caller (ani) of an inbound contact, the number dialled (dnis) of an outbound one. */
function customerPhone(customerSessions: readonly Session[], direction: string | undefined): string | undefined {
  for (const session of customerSessions) {
    const address = text(direction === 'outbound' ? session.value['dnis'] : session.value['ani']);
    const phone = address?.replace(/^tel:/i, '');
    if (phone && /^\+?\d[\d\s().-]{4,30}$/.test(phone)) return phone;
  }
  return undefined;
}

/** How the customer's side ended (`peer`, `client`, `endpoint`, `transfer`…): the disconnectType of its last segment. */
function lastDisconnectType(customerSessions: readonly Session[]): string | undefined {
  const segments = customerSessions.flatMap((s) => s.segments).filter((s) => text(s.value['disconnectType']));
  const last = segments.reduce<Located<Json> | undefined>((latest, segment) => {
    const end = Date.parse(platformTimestampToIso(segment.value['segmentEnd']) ?? '');
    const latestEnd = latest ? Date.parse(platformTimestampToIso(latest.value['segmentEnd']) ?? '') : Number.NEGATIVE_INFINITY;
    return !latest || end >= latestEnd ? segment : latest;
  }, undefined);
  return last ? text(last.value['disconnectType'])?.slice(0, 200) : undefined;
}

/**
 * A value the catalogue refuses (a 300-character queue name, say) is reported on the record field
 * it came from, rather than by the pipeline as an error in an event the platform never sent.
 */
function catalogueErrors(event: PlatformEventItem, fields: Readonly<Record<string, string>>): Omit<ConversationError, 'index'>[] {
  const result = validateIncomingEvent(event);
  if (result.ok) return [];
  const fieldOf = (path: string) => (path === 'id' || path === 'data.contactId' ? 'conversationId' : fields[path]);
  return result.errors.map((issue) => ({
    path: fieldOf(issue.path) ?? issue.path,
    message: `${issue.message} (as ${issue.path} of the ${event.type} event mapped from this conversation)`,
  }));
}

function compact(fields: Record<string, unknown>): Json {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
