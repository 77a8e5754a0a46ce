import type { EventDataInput, PlatformEventType } from '@hotline/contracts';
import { catalogueErrors } from '../kit/catalogue-errors';
import { FieldReader } from '../kit/field-reader';
import { type MappedEvent, mappedEvent } from '../kit/mapped-event';
import { mapped, type MappingResult, unmappable } from '../kit/mapping-result';
import { phoneNumberOf } from '../kit/phone-number';
import { formRecord, formText } from './form-text';

/**
 * Maps one Twilio Programmable Voice callback onto catalogue events. A centre that queues calls
 * with `<Enqueue>` (no TaskRouter) points four callbacks at one route; which one it is shows in its
 * parameters (https://www.twilio.com/docs/voice/twiml/enqueue, …/twiml/queue, …/api/call-resource#statuscallback):
 *
 * | callback                                  | tells                 | catalogue event                       | id                       |
 * | ----------------------------------------- | --------------------- | ------------------------------------- | ------------------------ |
 * | `<Enqueue waitUrl>` (QueuePosition)       | the caller waits      | contact.queued                        | twilio:<CallSid>:queued  |
 * | `<Queue url>` (DequeingCallSid)           | an agent took the call| contact.answered (waitSeconds=QueueTime) | twilio:<CallSid>:answered |
 * | `<Enqueue action>` QueueResult `hangup`   | the caller hung up    | contact.abandoned (waitSeconds=QueueTime) | twilio:<CallSid>:abandoned |
 * | `<Enqueue action>` redirected, leave, queue-full, error | left the queue otherwise | contact.ended with queueOutcome | twilio:<CallSid>:ended |
 * | status callback: completed, busy, no-answer, failed, canceled | the call ended | contact.ended (disconnectReason) | twilio:<CallSid>:ended |
 *
 * The contact is the caller's call (CallSid). Queue callbacks carry no time of their own: they are
 * made as the thing happens, so the time received is the time (the queued time less QueueTime, the
 * seconds already waited). Status callbacks carry `Timestamp` (RFC 2822). Every other callback
 * (ringing, in-progress, a bridged queue result) is no milestone: answered is taken from the
 * `<Queue url>` request, which is the moment an agent dequeued the caller.
 */

export type VoiceParams = Readonly<Record<string, unknown>>;

/** What the callback URL's own query adds: the queue's friendly name and the dequeuing agent, which Twilio never sends. */
export interface VoiceCallbackContext {
  receivedAt: Date;
  queue?: string;
  agent?: string;
}

const ENDED_STATUSES = new Set(['completed', 'busy', 'no-answer', 'failed', 'canceled']);
const IN_CALL_STATUSES = new Set(['queued', 'initiated', 'ringing', 'in-progress']);

/** How a call left its queue when no agent took it, as `<Enqueue action>`'s QueueResult says. */
const QUEUE_EXITS: Readonly<Record<string, string>> = {
  redirected: 'moved_out_of_queue',
  leave: 'moved_out_of_queue',
  'queue-full': 'queue_full',
  error: 'error',
  'system-error': 'error',
};
const AFTER_BRIDGE = new Set(['bridged', 'bridging-in-process', 'redirected-from-bridged']);

/** The callback field each catalogue field is taken from, to name it when the catalogue refuses a value. */
const FIELD_OF: Readonly<Record<string, string | undefined>> = {
  id: 'CallSid',
  'data.contactId': 'CallSid',
  'data.queue': 'query.queue',
  'data.agentId': 'query.agent',
  'data.waitSeconds': 'QueueTime',
};

export function mapVoiceCallback(params: VoiceParams, context: VoiceCallbackContext): MappingResult {
  const reader = new VoiceReader(params, context);
  const kind = voiceCallbackKind(params);
  if (kind === undefined) {
    return unmappable([{ path: 'CallStatus', message: 'Expected a Voice status callback (CallStatus) or a queue callback (QueueResult, QueuePosition or DequeingCallSid)' }]);
  }
  const event = MAPPERS[kind](reader);
  if (reader.errors.length > 0) return unmappable(reader.errors, kind);
  if (typeof event === 'string') return { outcome: 'ignored', eventType: kind, reason: event };
  if (!event) return unmappable([{ path: '', message: 'The callback could not be mapped' }], kind);
  const errors = catalogueErrors(event, 'callback', (path) => FIELD_OF[path]);
  return errors.length > 0 ? unmappable(errors, kind) : mapped([event]);
}

export type VoiceCallbackKind = 'enqueue-wait' | 'queue-dequeue' | 'enqueue-action' | 'call-status';

/** Which callback this is, by the parameters only it carries; undefined for none of them. */
export function voiceCallbackKind(params: VoiceParams): VoiceCallbackKind | undefined {
  const has = (name: string) => formText(params[name]) !== undefined;
  if (has('QueueResult')) return 'enqueue-action';
  if (has('DequeingCallSid')) return 'queue-dequeue';
  if (has('QueuePosition')) return 'enqueue-wait';
  if (has('CallStatus')) return 'call-status';
  return undefined;
}

/** A mapped event, a reason it is no milestone, or undefined once an error is recorded. */
type Mapped = MappedEvent | string | undefined;

const MAPPERS: Readonly<Record<VoiceCallbackKind, (reader: VoiceReader) => Mapped>> = {
  'enqueue-wait': queued,
  'queue-dequeue': answered,
  'enqueue-action': leftQueue,
  'call-status': callStatus,
};

function queued(reader: VoiceReader): Mapped {
  const callSid = reader.callSid();
  const waited = reader.queueTime();
  const direction = reader.direction();
  const queue = reader.queue();
  if (!queue) reader.fail('QueueSid', 'Required on a waitUrl callback: the queue (QueueSid, or ?queue= on the url)');
  if (!callSid || waited === undefined || !direction || !queue) return undefined;
  const phone = phoneNumberOf(reader.optional(direction === 'inbound' ? 'From' : 'To'));
  // Twilio fetches the waitUrl as the caller enters the queue and then each time the wait music loops:
  // every request is the same milestone, its time the entry (now less the seconds already waited).
  const time = new Date(reader.receivedAt.getTime() - waited * 1000).toISOString();
  return reader.event('queued', 'contact.queued', callSid, time, {
    contactId: callSid,
    channel: 'voice',
    queue,
    direction,
    ...(phone ? { customer: { phone } } : {}),
    queueSid: reader.optional('QueueSid'),
  });
}

function answered(reader: VoiceReader): Mapped {
  const callSid = reader.callSid();
  const waitSeconds = reader.queueTime();
  const agentId = reader.agent();
  if (!callSid || waitSeconds === undefined || !agentId) return undefined;
  return reader.event('answered', 'contact.answered', callSid, reader.receivedAt.toISOString(), {
    contactId: callSid,
    agentId,
    queue: reader.queue(),
    waitSeconds,
    dequeuingCallSid: reader.optional('DequeingCallSid'),
  });
}

/** `<Enqueue action>`: the caller left the queue; only a hang-up while waiting is an abandon. */
function leftQueue(reader: VoiceReader): Mapped {
  const result = reader.optional('QueueResult') as string;
  if (AFTER_BRIDGE.has(result)) return `QueueResult '${result}': the call was answered; contact.answered came from the <Queue> url request`;
  const exit = QUEUE_EXITS[result];
  if (result !== 'hangup' && !exit) {
    reader.fail('QueueResult', `Expected one of hangup, bridged, bridging-in-process, redirected, redirected-from-bridged, leave, queue-full, error, system-error; got '${result.slice(0, 50)}'`);
  }
  const callSid = reader.callSid();
  const waitSeconds = reader.queueTime();
  if (!callSid || waitSeconds === undefined || reader.errors.length > 0) return undefined;
  const time = reader.receivedAt.toISOString();
  const queue = reader.queue();
  if (result === 'hangup') return reader.event('abandoned', 'contact.abandoned', callSid, time, { contactId: callSid, queue, waitSeconds });
  return reader.event('ended', 'contact.ended', callSid, time, { contactId: callSid, queue, queueOutcome: exit, disconnectReason: exit, dequeuedAt: time, waitSeconds });
}

/** A status callback: the call's end (how it ended, how long it lasted); the stages before it are no milestone. */
function callStatus(reader: VoiceReader): Mapped {
  const status = (reader.optional('CallStatus') as string).toLowerCase();
  if (IN_CALL_STATUSES.has(status)) return `CallStatus '${status}' is no contact milestone; the queue callbacks bring them`;
  if (!ENDED_STATUSES.has(status)) {
    reader.fail('CallStatus', `Expected one of ${[...IN_CALL_STATUSES, ...ENDED_STATUSES].join(', ')}; got '${status.slice(0, 50)}'`);
  }
  const callSid = reader.callSid();
  const time = reader.statusTime();
  const callDurationSeconds = reader.seconds('CallDuration');
  if (!callSid || !time || reader.errors.length > 0) return undefined;
  return reader.event('ended', 'contact.ended', callSid, time, {
    contactId: callSid,
    disconnectReason: status,
    ...(callDurationSeconds !== undefined ? { callDurationSeconds } : {}),
  });
}

/** Reads a callback's form parameters and its URL's query through the kit's field reader, collecting every problem. */
class VoiceReader {
  private readonly fields: FieldReader;
  readonly receivedAt: Date;

  constructor(
    params: VoiceParams,
    private readonly context: VoiceCallbackContext,
  ) {
    this.fields = FieldReader.of(formRecord(params), ['rfc2822']);
    this.receivedAt = context.receivedAt;
  }

  get errors() {
    return this.fields.errors;
  }

  optional(name: string): string | undefined {
    return this.fields.string(name);
  }

  fail(path: string, message: string): void {
    this.fields.fail(path, message);
  }

  callSid(): string | undefined {
    return this.fields.required('CallSid', "the caller's call, which is the contact");
  }

  /** Seconds spent in the queue so far (QueueTime), required on every queue callback. */
  queueTime(): number | undefined {
    if (this.optional('QueueTime') === undefined) {
      this.fail('QueueTime', 'Required on a queue callback: the seconds the caller has waited');
      return undefined;
    }
    return this.seconds('QueueTime');
  }

  seconds(name: string): number | undefined {
    const raw = this.optional(name);
    if (raw === undefined) return undefined;
    const value = Number(raw);
    if (/^\d+$/.test(raw) && Number.isSafeInteger(value)) return value;
    this.fail(name, `Expected whole seconds, got '${raw.slice(0, 50)}'`);
    return undefined;
  }

  /** The queue's name from the callback URL's `?queue=`, else its QueueSid. */
  queue(): string | undefined {
    return this.context.queue ?? this.optional('QueueSid');
  }

  /** Who dequeued the caller: Twilio does not say, so the `<Queue url>` names the agent as `?agent=`. */
  agent(): string | undefined {
    if (!this.context.agent) this.fail('query.agent', 'Required on a <Queue> url callback: set ?agent=<agent id> on the url, Twilio does not send who dequeued the call');
    return this.context.agent;
  }

  direction(): 'inbound' | 'outbound' | undefined {
    const direction = this.optional('Direction')?.toLowerCase();
    if (direction === undefined || direction === 'inbound') return 'inbound';
    if (direction.startsWith('outbound')) return 'outbound';
    this.fail('Direction', `Expected inbound, outbound-api or outbound-dial; got '${direction.slice(0, 50)}'`);
    return undefined;
  }

  /** A status callback's `Timestamp` (RFC 2822), else the time it was received. */
  statusTime(): string | undefined {
    if (this.optional('Timestamp') === undefined) return this.receivedAt.toISOString();
    return this.fields.timestamp('Timestamp');
  }

  event<K extends PlatformEventType>(milestone: string, type: K, callSid: string, time: string, data: EventDataInput<K>): MappedEvent<K> {
    const account = this.optional('AccountSid');
    const source = account && /^[A-Za-z0-9]+$/.test(account) ? `/twilio/voice/${account}` : '/twilio/voice';
    return mappedEvent(type, { id: `twilio:${callSid}:${milestone}`, source, time }, data);
  }
}
