import { catalogueErrors, firstPerField } from '../kit/catalogue-errors';
import { FieldReader, isObject, notAnObject } from '../kit/field-reader';
import { type ContactChannel, type MappedEvent, mappedEvent } from '../kit/mapped-event';
import { mapEach, mapped, type MappingResult, unmappable } from '../kit/mapping-result';
import { envelope } from './connect-event';
import { connectChannel, connectDirection } from './connect-vocabulary';
import { type ContactSurveySettings, contactSurveyOf, DEFAULT_CONTACT_SURVEY } from './contact-survey';

/*
 * Amazon Connect contact records (CTRs), as its data streaming delivers them to Kinesis Data
 * Streams or Firehose, mapped onto contact.queued / answered / abandoned / ended. Field names and
 * semantics: Amazon Connect Administrator Guide, "Contact records data model" (ctr-data-model),
 * "About queued callbacks in metrics", "Example: Metrics for a queued callback", "Contact
 * initiation methods", and the "Contact abandoned" historical metric definition.
 */

/** CTR timestamps are ISO 8601 strings in UTC (`yyyy-mm-ddThh:mm:ssZ`, sometimes with fractions). */
const CTR_TIMESTAMPS = ['iso8601'] as const;

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
  'data.waitSeconds': 'Queue.Duration',
  'data.toQueue': 'Queue.Name',
  'data.toEndpoint': 'TransferredToEndpoint.Address',
  'data.comment': 'Attributes',
};

/** Each event type and the CTR timestamp that is its time. */
const TIME_SOURCES: Readonly<Record<string, string>> = {
  'contact.queued': 'Queue.EnqueueTimestamp',
  'contact.answered': 'Agent.ConnectedToAgentTimestamp',
  'contact.abandoned': 'DisconnectTimestamp',
  'contact.ended': 'DisconnectTimestamp',
  'contact.transferred': 'TransferCompletedTimestamp',
  'survey.completed': 'LastUpdateTimestamp',
};

/** Maps every record; any unmappable record makes the whole delivery unmappable (nothing is half-taken). */
export function mapContactRecords(records: readonly unknown[], batch = true, survey: ContactSurveySettings = DEFAULT_CONTACT_SURVEY): MappingResult {
  return mapEach(records, batch, (record) => mapContactRecord(record, survey), 'The delivery holds no contact records');
}

/**
 * One contact record → the milestones it shows, each with the record's own timestamp and an id
 * made of the ContactId and the milestone. Connect re-sends a record when it is updated (a higher
 * LastUpdateTimestamp: after-contact work finished, attributes set by a post-contact survey); the
 * re-sent copy yields the same ids for the milestones already seen, so only new ones are new
 * events (the newest record wins for what it adds), and an older copy arriving after a newer one
 * holds no milestone the newer did not: it adds nothing. A survey answer is per record version
 * (see `contactSurveyOf`), so a changed answer is a new event of the same survey. A milestone is emitted only once its
 * figures are final: while the agent is still in after-contact work, contact.ended waits for the
 * record Connect sends when it ends, so its handle time is never the partial one.
 */
export function mapContactRecord(value: unknown, survey: ContactSurveySettings = DEFAULT_CONTACT_SURVEY): MappingResult {
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
  const wait = queueWait(r);
  const holdSeconds = r.amount('Agent.CustomerHoldDuration');
  const talkSeconds = r.amount('Agent.AgentInteractionDuration') ?? agentTalkSeconds(r, connectedAt, holdSeconds);
  const acwSeconds = afterContactWorkSeconds(r);
  const disconnectReason = r.string('DisconnectReason');
  const previousContactId = r.string('PreviousContactId');
  const transfer = transferOf(r, { queue, agentId, previousContactId });
  const outcome = enqueuedAt && !connectedAt && disconnectedAt ? queueOutcome(r) : undefined;
  const answer = contactSurveyOf(r, contactId, survey);
  if (r.errors.length > 0 || !contactId) return unmappable(r.errors);

  const events: MappedEvent[] = [];
  if (enqueuedAt && channel && queue && direction) {
    events.push(mappedEvent('contact.queued', envelope(contactId, 'queued', enqueuedAt), { contactId, channel, queue, direction, previousContactId }));
  }
  if (connectedAt && agentId) {
    events.push(mappedEvent('contact.answered', envelope(contactId, 'answered', connectedAt), { contactId, agentId, queue, waitSeconds: wait.seconds }));
  }
  if (transfer) events.push(transfer);
  // Abandonment happened when the customer left the queue, not when a later flow disconnected.
  const abandonedAt = wait.dequeuedAt ?? disconnectedAt;
  if (outcome === 'abandoned' && abandonedAt) {
    events.push(mappedEvent('contact.abandoned', envelope(contactId, 'abandoned', abandonedAt), { contactId, queue, waitSeconds: wait.seconds }));
  }
  if (disconnectedAt && !(connectedAt && inAfterContactWork(r))) {
    const handled = connectedAt ? handleSeconds(talkSeconds, holdSeconds, acwSeconds) : undefined;
    const left = outcome ? { queueOutcome: outcome, dequeuedAt: wait.dequeuedAt, waitSeconds: wait.seconds } : {};
    const ended = { contactId, agentId, queue, talkSeconds, holdSeconds, afterContactWorkSeconds: acwSeconds, handleSeconds: handled, disconnectReason, ...left };
    events.push(mappedEvent('contact.ended', envelope(contactId, 'ended', disconnectedAt), ended));
  }
  if (answer) events.push(answer);
  const agentField = username ? 'Agent.Username' : 'Agent.ARN';
  const errors = events.flatMap((e) => catalogueErrors(e, 'record', (path) => recordFieldOf(e.type, path, agentField) ?? ''));
  return errors.length > 0 ? unmappable(firstPerField(errors)) : mapped(events);
}

/**
 * How long the contact waited in the queue and when it left it, as Connect measured it:
 * Queue.Duration ("between EnqueueTimestamp and DequeueTimestamp", seconds), else the span between
 * the two timestamps. Connect's queue answer time is this figure, so Hotline's matches it.
 */
function queueWait(r: FieldReader): { seconds?: number; dequeuedAt?: string } {
  const enqueuedAt = r.timestamp('Queue.EnqueueTimestamp');
  const dequeuedAt = r.timestamp('Queue.DequeueTimestamp');
  const duration = r.amount('Queue.Duration');
  if (duration !== undefined) return { seconds: duration, dequeuedAt };
  if (!enqueuedAt || !dequeuedAt) return { dequeuedAt };
  const seconds = (Date.parse(dequeuedAt) - Date.parse(enqueuedAt)) / 1000;
  if (seconds >= 0) return { seconds, dequeuedAt };
  r.fail('Queue.DequeueTimestamp', 'Is before Queue.EnqueueTimestamp');
  return {};
}

/**
 * Without Agent.AgentInteractionDuration, the agent's talk time from the record's own timestamps:
 * from connecting to the agent until the agent's part ended, less the customer's hold. The agent's
 * part ends at a transfer out of Connect (TransferCompletedTimestamp), not when the customer later
 * hung up on the third party; else when after-contact work began; else at the disconnect.
 */
function agentTalkSeconds(r: FieldReader, connectedAt: string | undefined, holdSeconds: number | undefined): number | undefined {
  if (!connectedAt) return undefined;
  const endedAt =
    r.timestamp('TransferCompletedTimestamp') ?? r.timestamp('Agent.AfterContactWorkStartTimestamp') ?? r.timestamp('DisconnectTimestamp');
  if (!endedAt) return undefined;
  const seconds = (Date.parse(endedAt) - Date.parse(connectedAt)) / 1000 - (holdSeconds ?? 0);
  return seconds >= 0 ? seconds : undefined;
}

/** Connect's handle time: the agent's interaction, the customer's hold and the after-contact work. */
function handleSeconds(...parts: Array<number | undefined>): number | undefined {
  const known = parts.filter((part): part is number => part !== undefined);
  return known.length > 0 ? known.reduce((sum, part) => sum + part, 0) : undefined;
}

/** The CTR field a catalogue field of `type` came from. */
function recordFieldOf(type: string, eventPath: string, agentField: string): string | undefined {
  if (eventPath === 'time') return TIME_SOURCES[type];
  if (eventPath === 'data.agentId') return agentField;
  return FIELD_SOURCES[eventPath];
}

/**
 * How a contact that was enqueued and never connected to an agent left its queue. It was
 * abandoned when the customer disconnected (ctr-data-model, "How to identify abandoned contacts"; the "Contact
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
function queueOutcome(r: FieldReader): 'abandoned' | 'callback_requested' | 'transferred' | 'ended' {
  if (r.value('TransferCompletedTimestamp') !== undefined || r.value('TransferredToEndpoint') !== undefined) return 'transferred';
  if (r.value('InitiationMethod') === 'CALLBACK') return 'ended'; // the callback leg itself: the customer waited off the line
  if (r.value('NextContactId') !== undefined) return 'callback_requested';
  if (!r.has('DisconnectReason')) return 'abandoned';
  return r.value('DisconnectReason') === 'CUSTOMER_DISCONNECT' ? 'abandoned' : 'ended';
}

/**
 * A transfer, as contact.transferred of the contact that was transferred: from the leg Connect
 * created for it (InitiationMethod TRANSFER or QUEUE_TRANSFER, its PreviousContactId the
 * transferred contact, its InitiationTimestamp "when the transfer was initiated"), to its queue and
 * agent; or from the transferred leg itself when it went out of Connect (TransferredToEndpoint, at
 * TransferCompletedTimestamp), where no new leg tells the destination.
 */
function transferOf(r: FieldReader, leg: { queue?: string; agentId?: string; previousContactId?: string }): MappedEvent | undefined {
  const method = r.value('InitiationMethod');
  if ((method === 'TRANSFER' || method === 'QUEUE_TRANSFER') && leg.previousContactId && (leg.queue || leg.agentId)) {
    const at = r.timestamp('InitiationTimestamp', true);
    if (!at) return undefined;
    const data = { contactId: leg.previousContactId, toQueue: leg.queue, toAgentId: leg.agentId, toContactId: r.string('ContactId') };
    return mappedEvent('contact.transferred', envelope(leg.previousContactId, 'transferred', at), data);
  }
  const endpoint = r.string('TransferredToEndpoint.Address');
  const completedAt = r.timestamp('TransferCompletedTimestamp');
  const contactId = r.string('ContactId');
  if (!endpoint || !completedAt || !contactId) return undefined;
  return mappedEvent('contact.transferred', envelope(contactId, 'transferred', completedAt), {
    contactId,
    toEndpoint: endpoint,
    endpointType: r.string('TransferredToEndpoint.Type'),
  });
}

function channelOf(r: FieldReader): ContactChannel | undefined {
  const channel = r.required('Channel', 'how the contact reached the centre (VOICE, CHAT, EMAIL)');
  if (channel === undefined) return undefined;
  const read = connectChannel(channel, r.value('InitiationMethod'));
  if (!read.ok) r.fail('Channel', read.message);
  return read.ok ? read.value : undefined;
}

function directionOf(r: FieldReader): 'inbound' | 'outbound' | undefined {
  const method = r.required('InitiationMethod', 'how the contact was initiated, which tells its direction');
  if (method === undefined) return undefined;
  const read = connectDirection(method, r.value('Channel'));
  if (!read.ok) r.fail('InitiationMethod', read.message);
  return read.ok ? read.value : undefined;
}

/** The agent began after-contact work and the record shows neither its end nor its duration yet. */
function inAfterContactWork(r: FieldReader): boolean {
  return (
    r.value('Agent.AfterContactWorkStartTimestamp') !== undefined &&
    r.value('Agent.AfterContactWorkEndTimestamp') === undefined &&
    r.value('Agent.AfterContactWorkDuration') === undefined
  );
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
