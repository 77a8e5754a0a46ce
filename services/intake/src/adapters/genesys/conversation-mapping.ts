import { catalogueErrors } from '../kit/catalogue-errors';
import type { FieldError } from '../kit/field-error';
import { FieldReader, isObject } from '../kit/field-reader';
import { type ContactChannel, type MappedEvent, mappedEvent } from '../kit/mapped-event';
import { mapEach, mapped, type MappingResult, unmappable } from '../kit/mapping-result';
import { phoneNumberOf } from '../kit/phone-number';
import { platformTimestampToIso } from '../kit/platform-timestamp';
import { CHANNELS, GENESYS_SOURCE, milestoneId } from './genesys-vocabulary';

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

/** Genesys analytics times are ISO 8601 (`2026-11-25T01:30:00.000Z`). */
const GENESYS_TIMESTAMPS = ['iso8601'] as const;

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

export function mapConversations(conversations: readonly unknown[], batch: boolean): MappingResult {
  return mapEach(conversations, batch, mapConversation);
}

interface Participant {
  reader: FieldReader;
  purpose?: string;
  sessions: Session[];
}

interface Session {
  reader: FieldReader;
  participant: Participant;
  segments: FieldReader[];
  metrics: FieldReader[];
}

interface Draft {
  milestone: string;
  event: () => MappedEvent;
  /** The record field each catalogue field came from, for errors the catalogue finds. */
  fields?: Record<string, string>;
}

/** One conversation's events, or the problems that stop it from being mapped. */
export function mapConversation(input: unknown): MappingResult {
  if (!isObject(input)) return unmappable([{ path: '', message: 'Expected a conversation detail record (an object)' }]);
  const r = FieldReader.of(input, GENESYS_TIMESTAMPS);
  const conversationId = r.required('conversationId');
  const participants = readParticipants(r);
  const sessions = participants.flatMap((p) => p.sessions);
  const ofPurpose = (purpose: string) => sessions.filter((s) => s.participant.purpose === purpose);
  const queueNames = queueNamesById(ofPurpose('acd'));
  const envelope = (milestone: string, time: string) => ({ id: milestoneId(conversationId as string, milestone), source: GENESYS_SOURCE, time });
  const drafts: Draft[] = [];

  // contact.queued: when the conversation first reached a queue.
  const firstQueueSegment = earliest(
    ofPurpose('acd').flatMap((session) => session.segments.map((segment) => ({ session, segment }))),
    ({ segment }) => platformTimestampToIso(segment.value('segmentStart'), GENESYS_TIMESTAMPS),
  );
  if (firstQueueSegment) {
    const { session, segment } = firstQueueSegment.item;
    const participant = session.participant.reader;
    const queueId = segment.string('queueId');
    const queue = participant.string('participantName') ?? queueId;
    if (!queue) participant.fail('participantName', 'Required: the queue (participantName, or queueId on its segments)');
    const mediaType = session.reader.string('mediaType');
    const channel = mediaType ? CHANNELS.get(mediaType.toLowerCase()) : undefined;
    if (!channel) {
      const known = [...CHANNELS.keys()].join(', ');
      session.reader.fail('mediaType', `${mediaType ? `'${mediaType}' is not` : 'Required:'} a contact media type (${known})`);
    }
    const directionValue = r.string('originatingDirection') ?? session.reader.string('direction');
    const direction = directionValue === 'inbound' || directionValue === 'outbound' ? directionValue : undefined;
    if (!direction) r.fail('originatingDirection', "Expected 'inbound' or 'outbound'");
    const phone = customerPhone(ofPurpose('customer'), direction);
    const time = segment.timestamp('segmentStart', true);
    drafts.push({
      milestone: 'queued',
      event: () =>
        mappedEvent('contact.queued', envelope('queued', time as string), {
          contactId: conversationId as string,
          channel: channel as ContactChannel,
          queue: queue as string,
          direction: direction as 'inbound' | 'outbound',
          customer: phone ? { phone } : undefined,
          queueId,
        }),
      fields: { 'data.queue': participant.pathOf('participantName') },
    });
  }

  // contact.answered: the first agent to answer.
  const answers = metricsNamed(ofPurpose('agent'), 'tAnswered');
  const firstAnswer = earliest(answers, ({ metric }) => platformTimestampToIso(metric.value('emitDate'), GENESYS_TIMESTAMPS));
  const agentId = firstAnswer?.item.session.participant.reader.string('userId');
  if (firstAnswer) {
    const { session, metric } = firstAnswer.item;
    const participant = session.participant.reader;
    if (!agentId) participant.fail('userId', 'Required: the agent who answered (tAnswered)');
    const time = metric.timestamp('emitDate', true);
    drafts.push({
      milestone: 'answered',
      event: () =>
        mappedEvent('contact.answered', envelope('answered', time as string), {
          contactId: conversationId as string,
          agentId: agentId as string,
          queue: queueOf(session, queueNames),
          // tAnswered: Genesys's own time to answer (queue entry to answer), its speed of answer.
          waitSeconds: metricSeconds(metric),
        }),
      fields: { 'data.agentId': participant.pathOf('userId') },
    });
  } else {
    reportUndated(answers);
  }

  // contact.abandoned: the customer left the queue before anyone answered, and did not ask to be called back.
  const abandons = metricsNamed(sessions, 'tAbandon');
  const firstAbandon = earliest(abandons, ({ metric }) => platformTimestampToIso(metric.value('emitDate'), GENESYS_TIMESTAMPS));
  const choseCallback = sessions.some((s) => s.reader.string('mediaType')?.toLowerCase() === 'callback');
  if (firstAbandon && !firstAnswer && !choseCallback) {
    const { session, metric } = firstAbandon.item;
    const waited = Number(metric.value('value'));
    const time = metric.timestamp('emitDate', true);
    drafts.push({
      milestone: 'abandoned',
      event: () =>
        mappedEvent('contact.abandoned', envelope('abandoned', time as string), {
          contactId: conversationId as string,
          queue: queueOf(session, queueNames),
          waitSeconds: Number.isFinite(waited) && waited >= 0 ? waited / 1000 : undefined,
        }),
      fields: { 'data.queue': session.participant.reader.pathOf('participantName') },
    });
  } else if (!firstAbandon) {
    reportUndated(abandons);
  }

  // contact.transferred: each nTransferred of an agent, to whoever took the conversation next.
  for (const { session, metric } of metricsNamed(ofPurpose('agent'), 'nTransferred')) {
    const time = metric.timestamp('emitDate', true);
    const target = time ? transferTarget(sessions, session, time, queueNames) : undefined;
    if (!time || !target) continue; // a transfer that never connected anyone names no destination
    drafts.push({
      milestone: `transferred:${Date.parse(time)}`,
      event: () =>
        mappedEvent('contact.transferred', envelope(`transferred:${Date.parse(time)}`, time), {
          contactId: conversationId as string,
          ...target,
          fromAgentId: session.participant.reader.string('userId'),
        }),
    });
  }

  // contact.ended: once Genesys closes the conversation (after wrap-up).
  if (r.value('conversationEnd') !== undefined) {
    const handledSessions = [...new Set(firstAnswer ? answers.map((a) => a.session) : [])];
    const seconds = (name: string) => {
      const values = metricsNamed(handledSessions, name).map(({ metric }) => Number(metric.value('value')));
      const valid = values.filter((v) => Number.isFinite(v) && v >= 0);
      return valid.length > 0 ? valid.reduce((sum, v) => sum + v, 0) / 1000 : undefined;
    };
    const time = r.timestamp('conversationEnd', true);
    drafts.push({
      milestone: 'ended',
      event: () =>
        mappedEvent('contact.ended', envelope('ended', time as string), {
          contactId: conversationId as string,
          agentId,
          talkSeconds: seconds('tTalk'),
          holdSeconds: seconds('tHeld'),
          afterContactWorkSeconds: seconds('tAcw'),
          handleSeconds: seconds('tHandle'),
          disconnectReason: lastDisconnectType(ofPurpose('customer')),
          queue: firstQueueSegment ? queueOf(firstQueueSegment.item.session, queueNames) : undefined,
          ...(firstAnswer ? {} : queueExit(ofPurpose('acd'), sessions, firstAbandon !== undefined && !choseCallback)),
        }),
      fields: firstQueueSegment ? { 'data.queue': firstQueueSegment.item.session.participant.reader.pathOf('participantName') } : {},
    });
  }

  if (drafts.length === 0 && conversationId && r.errors.length === 0) {
    r.fail('participants', 'Nothing to map: no acd participant (queued), no tAnswered or tAbandon metric, and no conversationEnd yet');
  }
  if (r.errors.length > 0 || !conversationId) return unmappable(r.errors);

  // Built only once every field they need was read without error.
  const events = drafts.map(({ event }) => event());
  const errors: FieldError[] = events.flatMap((event, i) =>
    catalogueErrors(event, 'conversation', (path) => (path === 'id' || path === 'data.contactId' ? 'conversationId' : drafts[i].fields?.[path])),
  );
  return errors.length > 0 ? unmappable(errors) : mapped(events);
}

/** A metric's value (milliseconds) in seconds, when it is a duration. */
function metricSeconds(metric: FieldReader): number | undefined {
  const value = Number(metric.value('value'));
  return metric.value('value') !== undefined && Number.isFinite(value) && value >= 0 ? value / 1000 : undefined;
}

/**
 * How a conversation no agent answered left its queue: when its last acd segment ended, after how
 * long in queues (tAcd, else tAbandon), and why — the customer hung up (abandoned), asked for a
 * callback, or was transferred out of the queue (the segment's disconnectType `transfer`).
 */
function queueExit(acd: readonly Session[], sessions: readonly Session[], abandoned: boolean): { queueOutcome?: string; dequeuedAt?: string; waitSeconds?: number } {
  const segments = acd.flatMap((s) => s.segments.filter((segment) => segment.value('segmentEnd') !== undefined));
  if (segments.length === 0) return {};
  const endOf = (segment: FieldReader) => platformTimestampToIso(segment.value('segmentEnd'), GENESYS_TIMESTAMPS) ?? '';
  const last = segments.reduce((latest, segment) => (endOf(segment) > endOf(latest) ? segment : latest));
  const waits = [...metricsNamed(acd, 'tAcd'), ...metricsNamed(acd, 'tAbandon')].map(({ metric }) => metricSeconds(metric));
  const known = waits.filter((w): w is number => w !== undefined);
  const choseCallback = sessions.some((s) => s.reader.string('mediaType')?.toLowerCase() === 'callback');
  const outcome = abandoned ? 'abandoned' : choseCallback ? 'callback_requested' : last.string('disconnectType') === 'transfer' ? 'transferred' : 'ended';
  return {
    queueOutcome: outcome,
    dequeuedAt: endOf(last) || undefined,
    waitSeconds: known.length > 0 ? known.reduce((sum, w) => sum + w, 0) : undefined,
  };
}

/**
 * Who took a conversation an agent transferred at `time`: the first queue or other agent whose
 * session starts then or later (Genesys adds a participant for the transfer's target), or an
 * external party's address.
 */
function transferTarget(
  sessions: readonly Session[],
  from: Session,
  time: string,
  queueNames: ReadonlyMap<string, string>,
): { toQueue?: string; toAgentId?: string; toEndpoint?: string } | undefined {
  const startOf = (session: Session) =>
    Math.min(...session.segments.map((s) => Date.parse(platformTimestampToIso(s.value('segmentStart'), GENESYS_TIMESTAMPS) ?? '')).filter(Number.isFinite));
  const next = sessions
    .filter((s) => s !== from && ['acd', 'agent', 'external'].includes(s.participant.purpose ?? '') && startOf(s) >= Date.parse(time))
    .sort((a, b) => startOf(a) - startOf(b))[0];
  if (!next) return undefined;
  if (next.participant.purpose === 'acd') {
    const toQueue = queueOf(next, queueNames);
    return toQueue ? { toQueue } : undefined;
  }
  if (next.participant.purpose === 'agent') {
    const toAgentId = next.participant.reader.string('userId');
    return toAgentId ? { toAgentId } : undefined;
  }
  const address = next.reader.string('dnis') ?? next.reader.string('addressTo') ?? next.participant.reader.string('participantName');
  return address ? { toEndpoint: address } : undefined;
}

function readParticipants(r: FieldReader): Participant[] {
  if (r.value('participants') === undefined) {
    r.fail('participants', 'Required');
    return [];
  }
  return r.list('participants').map((reader) => {
    const participant: Participant = { reader, purpose: reader.string('purpose')?.toLowerCase(), sessions: [] };
    participant.sessions = reader.list('sessions').map((session) => ({
      reader: session,
      participant,
      segments: session.list('segments'),
      metrics: session.list('metrics'),
    }));
    return participant;
  });
}

function metricsNamed(sessions: readonly Session[], name: string): Array<{ session: Session; metric: FieldReader }> {
  return sessions.flatMap((session) => session.metrics.filter((m) => m.value('name') === name).map((metric) => ({ session, metric })));
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
function reportUndated(metrics: ReadonlyArray<{ metric: FieldReader }>): void {
  for (const { metric } of metrics) metric.timestamp('emitDate', true);
}

/** Queue names by id: an acd participant is named after its queue. */
function queueNamesById(acdSessions: readonly Session[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const session of acdSessions) {
    const name = session.participant.reader.string('participantName');
    for (const segment of session.segments) {
      const id = segment.string('queueId');
      if (id && name && !names.has(id)) names.set(id, name);
    }
  }
  return names;
}

function queueOf(session: Session, queueNames: ReadonlyMap<string, string>): string | undefined {
  const queueId = session.segments.map((s) => s.string('queueId')).find((id) => id !== undefined);
  if (session.participant.purpose === 'acd') return session.participant.reader.string('participantName') ?? queueId;
  return queueId ? (queueNames.get(queueId) ?? queueId) : undefined;
}

/** The customer's number: the caller (ani) of an inbound contact, the number dialled (dnis) of an outbound one. */
function customerPhone(customerSessions: readonly Session[], direction: string | undefined): string | undefined {
  for (const session of customerSessions) {
    const phone = phoneNumberOf(session.reader.string(direction === 'outbound' ? 'dnis' : 'ani'));
    if (phone) return phone;
  }
  return undefined;
}

/** How the customer's side ended (`peer`, `client`, `endpoint`, `transfer`…): the disconnectType of its last segment. */
function lastDisconnectType(customerSessions: readonly Session[]): string | undefined {
  const segments = customerSessions.flatMap((s) => s.segments).filter((s) => s.string('disconnectType'));
  const endOf = (segment: FieldReader) => Date.parse(platformTimestampToIso(segment.value('segmentEnd'), GENESYS_TIMESTAMPS) ?? '');
  const last = segments.reduce<FieldReader | undefined>((latest, segment) => {
    const latestEnd = latest ? endOf(latest) : Number.NEGATIVE_INFINITY;
    return !latest || endOf(segment) >= latestEnd ? segment : latest;
  }, undefined);
  return last?.string('disconnectType')?.slice(0, 200);
}
