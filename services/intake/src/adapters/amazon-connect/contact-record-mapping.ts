import { catalogueErrors, firstPerField } from '../kit/catalogue-errors';
import { FieldReader, isObject, notAnObject } from '../kit/field-reader';
import { type ContactChannel, type MappedEvent, mappedEvent } from '../kit/mapped-event';
import { mapEach, mapped, type MappingResult, unmappable } from '../kit/mapping-result';
import { envelope } from './connect-event';

/*
 * Amazon Connect contact records (CTRs), as its data streaming delivers them to Kinesis Data
 * Streams or Firehose, mapped onto contact.queued / answered / abandoned / ended. Field names and
 * semantics: Amazon Connect Administrator Guide, "Contact records data model" (ctr-data-model),
 * "About queued callbacks in metrics", "Example: Metrics for a queued callback", "Contact
 * initiation methods", and the "Contact abandoned" historical metric definition.
 */

/** CTR timestamps are ISO 8601 strings in UTC (`yyyy-mm-ddThh:mm:ssZ`, sometimes with fractions). */
const CTR_TIMESTAMPS = ['iso8601'] as const;

/** CTR `Channel` → catalogue channel. A VOICE contact created by a queued callback is a `callback`. */
const CHANNELS: Readonly<Record<string, ContactChannel>> = { VOICE: 'voice', CHAT: 'chat', EMAIL: 'email' };

/** `InitiationMethod` → direction; `API` depends on the channel (see directionOf). */
const DIRECTIONS: Readonly<Record<string, 'inbound' | 'outbound'>> = {
  INBOUND: 'inbound',
  TRANSFER: 'inbound',
  QUEUE_TRANSFER: 'inbound',
  WEBRTC_API: 'inbound',
  DISCONNECT: 'inbound',
  MONITOR: 'inbound',
  FLOW: 'inbound',
  // Connect dials the customer: an agent's call, a queued callback, a third party, an e-mail reply.
  OUTBOUND: 'outbound',
  CALLBACK: 'outbound',
  EXTERNAL_OUTBOUND: 'outbound',
  AGENT_REPLY: 'outbound',
};

/** Each catalogue field and the CTR field it comes from, to report a refused value where it is. */
const FIELD_SOURCES: Readonly<Record<string, string>> = {
  id: 'ContactId',
  'data.contactId': 'ContactId',
  'data.channel': 'Channel',
  'data.direction': 'InitiationMethod',
  'data.queue': 'Queue.Name',
  'data.previousContactId': 'PreviousContactId',
  'data.talkSeconds': 'Agent.AgentInteractionDuration',
  'data.holdSeconds': 'Agent.CustomerHoldDuration',
  'data.afterContactWorkSeconds': 'Agent.AfterContactWorkDuration',
  'data.disconnectReason': 'DisconnectReason',
};

/** Each event type and the CTR timestamp that is its time. */
const TIME_SOURCES: Readonly<Record<string, string>> = {
  'contact.queued': 'Queue.EnqueueTimestamp',
  'contact.answered': 'Agent.ConnectedToAgentTimestamp',
  'contact.abandoned': 'DisconnectTimestamp',
  'contact.ended': 'DisconnectTimestamp',
};

/** Maps every record; any unmappable record makes the whole delivery unmappable (nothing is half-taken). */
export function mapContactRecords(records: readonly unknown[], batch = true): MappingResult {
  return mapEach(records, batch, mapContactRecord, 'The delivery holds no contact records');
}

/**
 * One contact record → the milestones it shows, each with the record's own timestamp and an id
 * made of the ContactId and the milestone. Connect re-sends a record when it is updated; the
 * re-sent copy yields the same ids for the milestones already seen, so only new ones are new events.
 */
export function mapContactRecord(value: unknown): MappingResult {
  if (!isObject(value)) return unmappable([notAnObject(value, 'a contact record')]);
  const r = FieldReader.of(value, CTR_TIMESTAMPS);

  const contactId = r.required('ContactId', 'the contact record has no ContactId');
  const channel = channelOf(r);
  const enqueuedAt = r.timestamp('Queue.EnqueueTimestamp');
  const connectedAt = r.timestamp('Agent.ConnectedToAgentTimestamp');
  const disconnectedAt = r.timestamp('DisconnectTimestamp');
  const milestones = ['Queue.EnqueueTimestamp', 'Agent.ConnectedToAgentTimestamp', 'DisconnectTimestamp'];
  if (milestones.every((path) => r.value(path) === undefined)) {
    r.fail('', `Nothing to map: the record has none of ${milestones.join(', ')}`);
  }

  const queue = enqueuedAt ? r.required('Queue.Name', 'the queue the contact was enqueued in') : r.string('Queue.Name');
  const direction = enqueuedAt ? directionOf(r) : undefined;
  const username = r.string('Agent.Username');
  const agentId = username ?? r.string('Agent.ARN');
  if (connectedAt && !agentId) r.fail('Agent.Username', 'Required: the agent who answered (Agent.Username or Agent.ARN)');
  const talkSeconds = r.amount('Agent.AgentInteractionDuration');
  const holdSeconds = r.amount('Agent.CustomerHoldDuration');
  const acwSeconds = afterContactWorkSeconds(r);
  const disconnectReason = r.string('DisconnectReason');
  const previousContactId = r.string('PreviousContactId');
  const abandoned = isAbandoned(r, { enqueuedAt, connectedAt, disconnectedAt });
  if (r.errors.length > 0 || !contactId) return unmappable(r.errors);

  const events: MappedEvent[] = [];
  if (enqueuedAt && channel && queue && direction) {
    events.push(mappedEvent('contact.queued', envelope(contactId, 'queued', enqueuedAt), { contactId, channel, queue, direction, previousContactId }));
  }
  if (connectedAt && agentId) events.push(mappedEvent('contact.answered', envelope(contactId, 'answered', connectedAt), { contactId, agentId, queue }));
  if (abandoned && disconnectedAt) events.push(mappedEvent('contact.abandoned', envelope(contactId, 'abandoned', disconnectedAt), { contactId, queue }));
  if (disconnectedAt) {
    const ended = { contactId, agentId, talkSeconds, holdSeconds, afterContactWorkSeconds: acwSeconds, disconnectReason };
    events.push(mappedEvent('contact.ended', envelope(contactId, 'ended', disconnectedAt), ended));
  }
  const agentField = username ? 'Agent.Username' : 'Agent.ARN';
  const errors = events.flatMap((e) => catalogueErrors(e, 'record', (path) => recordFieldOf(e.type, path, agentField) ?? ''));
  return errors.length > 0 ? unmappable(firstPerField(errors)) : mapped(events);
}

/** The CTR field a catalogue field of `type` came from. */
function recordFieldOf(type: string, eventPath: string, agentField: string): string | undefined {
  if (eventPath === 'time') return TIME_SOURCES[type];
  if (eventPath === 'data.agentId') return agentField;
  return FIELD_SOURCES[eventPath];
}

/**
 * Whether the customer abandoned the contact: it was enqueued, never connected to an agent, and
 * the customer disconnected (ctr-data-model, "How to identify abandoned contacts"; the "Contact
 * abandoned" metric: "disconnected by the customer while in the queue. Contacts queued for
 * callback are not counted as abandoned").
 *
 * A caller who chose a queued callback is not abandoned. In the CTRs ("Example: Metrics for a
 * queued callback") the original inbound contact is enqueued, has no ConnectedToAgentTimestamp,
 * is disconnected by the flow (DisconnectReason CONTACT_FLOW_DISCONNECT) and has a NextContactId
 * pointing at the callback contact; the callback contact has InitiationMethod CALLBACK and a
 * PreviousContactId. So a contact that continued into another contact (NextContactId: a callback
 * or a queue transfer), a callback contact itself (the customer waits off the line), a contact
 * transferred out of Connect, and one ended by anyone but the customer are never abandoned.
 * DisconnectReason `null` means a flow or an API ended the contact; only a record written before
 * Connect had the field (no DisconnectReason key at all) falls back to the queue-and-no-agent rule.
 */
function isAbandoned(
  r: FieldReader,
  { enqueuedAt, connectedAt, disconnectedAt }: { enqueuedAt?: string; connectedAt?: string; disconnectedAt?: string },
): boolean {
  if (!enqueuedAt || connectedAt || !disconnectedAt) return false;
  if (r.value('InitiationMethod') === 'CALLBACK') return false;
  if (r.value('NextContactId') !== undefined) return false;
  if (r.value('TransferCompletedTimestamp') !== undefined || r.value('TransferredToEndpoint') !== undefined) return false;
  if (!r.has('DisconnectReason')) return true;
  return r.value('DisconnectReason') === 'CUSTOMER_DISCONNECT';
}

function channelOf(r: FieldReader): ContactChannel | undefined {
  const channel = r.required('Channel', 'how the contact reached the centre (VOICE, CHAT, EMAIL)');
  if (channel === undefined) return undefined;
  if (channel === 'TASK') {
    r.fail('Channel', 'TASK contacts are work items, not customer contacts: Hotline has no channel for them (leave tasks out of the stream)');
    return undefined;
  }
  const known = Object.hasOwn(CHANNELS, channel) ? CHANNELS[channel] : undefined;
  if (!known) r.fail('Channel', `Unknown channel '${channel}': expected VOICE, CHAT or EMAIL`);
  return known === 'voice' && r.value('InitiationMethod') === 'CALLBACK' ? 'callback' : known;
}

function directionOf(r: FieldReader): 'inbound' | 'outbound' | undefined {
  const method = r.required('InitiationMethod', 'how the contact was initiated, which tells its direction');
  if (method === undefined) return undefined;
  if (method === 'API') return r.value('Channel') === 'VOICE' ? 'outbound' : 'inbound'; // StartOutboundVoiceContact vs StartChatContact
  const direction = Object.hasOwn(DIRECTIONS, method) ? DIRECTIONS[method] : undefined;
  if (!direction) r.fail('InitiationMethod', `Unknown initiation method '${method}': expected one of API, ${Object.keys(DIRECTIONS).join(', ')}`);
  return direction;
}

/** Agent.AfterContactWorkDuration, or the span between the ACW start and end timestamps. */
function afterContactWorkSeconds(r: FieldReader): number | undefined {
  const duration = r.amount('Agent.AfterContactWorkDuration');
  if (duration !== undefined) return duration;
  const start = r.timestamp('Agent.AfterContactWorkStartTimestamp');
  const end = r.timestamp('Agent.AfterContactWorkEndTimestamp');
  if (!start || !end) return undefined;
  const seconds = (Date.parse(end) - Date.parse(start)) / 1000;
  if (seconds >= 0) return seconds;
  r.fail('Agent.AfterContactWorkEndTimestamp', 'Is before Agent.AfterContactWorkStartTimestamp');
  return undefined;
}
