import { catalogueErrors } from '../kit/catalogue-errors';
import { FieldReader, isObject, notAnObject } from '../kit/field-reader';
import { type MappedEvent, mappedEvent } from '../kit/mapped-event';
import { mapEach, mapped, type MappingResult, unmappable } from '../kit/mapping-result';
import { envelope } from './connect-event';
import { connectChannel, connectDirection } from './connect-vocabulary';

/*
 * Amazon Connect contact events, as EventBridge delivers them ("Amazon Connect Contact Event";
 * Administrator Guide, "Amazon Connect contact events"), mapped onto the live milestones a contact
 * record brings only after the contact ended:
 *
 * | detail.eventType                                   | event              | time                                 |
 * | -------------------------------------------------- | ------------------ | ------------------------------------ |
 * | QUEUED                                             | contact.queued     | queueInfo.enqueueTimestamp           |
 * | CONNECTED_TO_AGENT                                 | contact.answered   | agentInfo.connectedToAgentTimestamp  |
 * | DISCONNECTED, queued, no agent, CUSTOMER_DISCONNECT | contact.abandoned | disconnectTimestamp                  |
 * | COMPLETED after the agent's After Contact Work     | contact.completed  | agentInfo.afterContactWorkEndTimestamp |
 * | anything else (COMPLETED of a contact without ACW) | none               |                                      |
 *
 * Ids are the contact records' own (`amazon-connect:<contactId>:<milestone>`), so the record that
 * follows repeats these milestones as duplicates and adds the rest: the end of the contact with its
 * talk, hold and after-contact work (which quality takes over the completion's: no double count),
 * transfers, callbacks, and every other way out of the queue,
 * which a contact event cannot tell apart (a flow's disconnect may be a callback, a transfer or a
 * timeout). Events name agents and queues by ARN: `nameOf` gives the names the records use, learnt
 * from agent events; unknown, the ARN's last segment stands in.
 */

export type NameOf = (arn: string) => string | undefined;

const MILESTONE_TYPES = new Set(['QUEUED', 'CONNECTED_TO_AGENT', 'DISCONNECTED', 'COMPLETED']);

/** EventBridge contact events, one or an array; any unmappable event makes the delivery unmappable. */
export function mapContactEvents(records: readonly unknown[], nameOf: NameOf, batch = true): MappingResult {
  const result = mapEach(records, batch, (record) => mapContactEvent(record, nameOf), 'The delivery holds no contact events');
  if (result.outcome !== 'mapped' || result.events.length > 0 || records.length === 0) return result;
  return { outcome: 'ignored', eventType: 'contact event', reason: 'No queued, answered, abandoned or completed milestone: the contact record brings the rest' };
}

/** The ARNs a delivery names, to look their names up before mapping it. */
export function arnsOf(records: readonly unknown[]): string[] {
  return records.filter(isObject).flatMap((record) => {
    const r = FieldReader.of(record, ['iso8601']);
    return [r.value('detail.queueInfo.queueArn'), r.value('detail.agentInfo.agentArn')].filter((arn): arn is string => typeof arn === 'string');
  });
}

export function mapContactEvent(value: unknown, nameOf: NameOf): MappingResult {
  if (!isObject(value)) return unmappable([notAnObject(value, 'an EventBridge contact event')]);
  const r = FieldReader.of(value, ['iso8601']);
  const detailType = r.string('detail-type');
  if (detailType !== undefined && detailType !== 'Amazon Connect Contact Event') {
    r.fail('detail-type', `Expected 'Amazon Connect Contact Event', got '${detailType.slice(0, 60)}'`);
  }
  const type = r.required('detail.eventType', 'the contact event type (QUEUED, CONNECTED_TO_AGENT, DISCONNECTED, …)');
  const contactId = r.required('detail.contactId');
  if (r.errors.length > 0 || !type || !contactId) return unmappable(r.errors);
  if (!MILESTONE_TYPES.has(type)) return mapped([]);

  const enqueuedAt = r.timestamp('detail.queueInfo.enqueueTimestamp');
  const connectedAt = r.timestamp('detail.agentInfo.connectedToAgentTimestamp');
  const queueArn = r.string('detail.queueInfo.queueArn');
  const queue = queueArn ? nameFor(queueArn, nameOf) : undefined;
  const events: MappedEvent[] = [];
  if (type === 'QUEUED') {
    const channel = channelOf(r);
    const direction = directionOf(r);
    if (!enqueuedAt) r.fail('detail.queueInfo.enqueueTimestamp', 'Required on QUEUED: when the contact entered the queue');
    if (!queue) r.fail('detail.queueInfo.queueArn', 'Required on QUEUED: the queue the contact entered');
    if (enqueuedAt && queue && channel && direction) {
      const previousContactId = r.string('detail.previousContactId');
      events.push(mappedEvent('contact.queued', envelope(contactId, 'queued', enqueuedAt), { contactId, channel, queue, direction, previousContactId }));
    }
  }
  if (type === 'CONNECTED_TO_AGENT') {
    const agentArn = r.required('detail.agentInfo.agentArn', 'the agent who answered');
    if (!connectedAt) r.fail('detail.agentInfo.connectedToAgentTimestamp', 'Required on CONNECTED_TO_AGENT');
    if (agentArn && connectedAt) {
      const waitSeconds = enqueuedAt ? secondsBetween(enqueuedAt, connectedAt) : undefined;
      events.push(mappedEvent('contact.answered', envelope(contactId, 'answered', connectedAt), { contactId, agentId: nameFor(agentArn, nameOf), queue, waitSeconds }));
    }
  }
  if (type === 'DISCONNECTED' && enqueuedAt && !connectedAt && isCallerHangUp(r)) {
    const disconnectedAt = r.timestamp('detail.disconnectTimestamp', true);
    if (disconnectedAt) {
      const waitSeconds = secondsBetween(enqueuedAt, disconnectedAt);
      events.push(mappedEvent('contact.abandoned', envelope(contactId, 'abandoned', disconnectedAt), { contactId, queue, waitSeconds }));
    }
  }
  if (type === 'COMPLETED') {
    const completed = completion(r, contactId, queue, nameOf);
    if (completed) events.push(completed);
  }
  if (r.errors.length > 0) return unmappable(r.errors);
  const errors = events.flatMap((event) => catalogueErrors(event, 'contact event', (path) => FIELD_OF[path]));
  return errors.length > 0 ? unmappable(errors) : mapped(events);
}

const FIELD_OF: Readonly<Record<string, string | undefined>> = {
  id: 'detail.contactId',
  'data.contactId': 'detail.contactId',
  'data.queue': 'detail.queueInfo.queueArn',
  'data.agentId': 'detail.agentInfo.agentArn',
  'data.previousContactId': 'detail.previousContactId',
  'data.afterContactWorkSeconds': 'detail.agentInfo.afterContactWorkDuration',
};

/**
 * COMPLETED: the contact fully ended. After the agent's After Contact Work it carries the work's end
 * (and start and duration): contact.completed then. Without ACW (no agent, or none entered) Connect
 * publishes it right after DISCONNECTED with the same data: nothing to add.
 */
function completion(r: FieldReader, contactId: string, queue: string | undefined, nameOf: NameOf): MappedEvent | undefined {
  const endedAt = r.timestamp('detail.agentInfo.afterContactWorkEndTimestamp');
  if (!endedAt) return undefined;
  const startedAt = r.timestamp('detail.agentInfo.afterContactWorkStartTimestamp');
  if (startedAt && Date.parse(endedAt) < Date.parse(startedAt)) r.fail('detail.agentInfo.afterContactWorkEndTimestamp', 'Is before detail.agentInfo.afterContactWorkStartTimestamp');
  // The contact record's own reading: the duration Connect gives, else the span between the two timestamps.
  const afterContactWorkSeconds = r.amount('detail.agentInfo.afterContactWorkDuration') ?? (startedAt ? secondsBetween(startedAt, endedAt) : undefined);
  const agentArn = r.string('detail.agentInfo.agentArn');
  return mappedEvent('contact.completed', envelope(contactId, 'completed', endedAt), {
    contactId,
    agentId: agentArn ? nameFor(agentArn, nameOf) : undefined,
    queue,
    afterContactWorkSeconds,
  });
}

/** Only the customer's own hang-up while queued is an abandon; a callback leg waited off the line. */
function isCallerHangUp(r: FieldReader): boolean {
  return r.value('detail.disconnectReason') === 'CUSTOMER_DISCONNECT' && r.value('detail.initiationMethod') !== 'CALLBACK';
}

function nameFor(arn: string, nameOf: NameOf): string {
  return nameOf(arn) ?? arn.slice(arn.lastIndexOf('/') + 1);
}

function secondsBetween(from: string, to: string): number | undefined {
  const seconds = (Date.parse(to) - Date.parse(from)) / 1000;
  return seconds >= 0 ? seconds : undefined;
}

function channelOf(r: FieldReader) {
  const channel = r.required('detail.channel', 'how the contact reached the centre (VOICE, CHAT, EMAIL)');
  if (channel === undefined) return undefined;
  const read = connectChannel(channel, r.value('detail.initiationMethod'));
  if (!read.ok) r.fail('detail.channel', read.message);
  return read.ok ? read.value : undefined;
}

function directionOf(r: FieldReader) {
  const method = r.required('detail.initiationMethod', 'how the contact was initiated, which tells its direction');
  if (method === undefined) return undefined;
  const read = connectDirection(method, r.value('detail.channel'));
  if (!read.ok) r.fail('detail.initiationMethod', read.message);
  return read.ok ? read.value : undefined;
}
