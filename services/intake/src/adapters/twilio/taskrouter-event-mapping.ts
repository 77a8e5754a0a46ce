import type { EventDataInput, PlatformEventType } from '@hotline/contracts';
import { catalogueErrors } from '../kit/catalogue-errors';
import { FieldReader } from '../kit/field-reader';
import { type ContactChannel, type MappedEvent, mappedEvent } from '../kit/mapped-event';
import { mapped, type MappingResult, unmappable } from '../kit/mapping-result';
import { phoneNumberOf } from '../kit/phone-number';
import { platformTimestampToIso } from '../kit/platform-timestamp';
import { formRecord, formText } from './form-text';
import { agentStatusOfActivity } from './worker-activity-status';

/**
 * Maps one TaskRouter event callback (https://www.twilio.com/docs/taskrouter/api/event/reference)
 * onto catalogue events. The callback is form-encoded: every value is a string, `TaskAttributes`
 * is a JSON string, `Timestamp` is epoch seconds and `TimestampMs` epoch milliseconds.
 *
 * | EventType                               | catalogue event        | id                                |
 * | --------------------------------------- | ---------------------- | --------------------------------- |
 * | task.created, task-queue.entered        | contact.queued         | twilio:<TaskSid>:queued           |
 * | reservation.accepted                    | contact.answered       | twilio:<TaskSid>:answered         |
 * | task.canceled (the caller hung up)      | contact.abandoned      | twilio:<TaskSid>:abandoned        |
 * | task.canceled (TTL, timeout, callback…) | contact.ended          | twilio:<TaskSid>:ended            |
 * | task.transfer-initiated                 | contact.transferred    | twilio:<TaskSid>:transferred:<ms> |
 * | task.wrapup                             | contact.ended          | twilio:<TaskSid>:ended            |
 * | task.completed                          | contact.completed      | twilio:<TaskSid>:completed        |
 * | worker.activity.update                  | agent.status_changed   | twilio:<WorkerSid>:status:<s>:<ms>|
 *
 * The ids depend only on the task (or worker and time), so a callback Twilio retries, or the two
 * events that both mean "queued", yield the same event: the pipeline reports the second as a
 * duplicate and publishes nothing again. Wrap-up (the conversation's end) and completion (the end
 * of after-contact work) are two milestones with their own ids and their own `TimestampMs`, so
 * whichever callback arrives first, the work between them is never counted as talk. The contact is the task: `contactId` is the TaskSid
 * throughout, with the call's `call_sid` alongside when the task has one.
 */

export type TaskRouterParams = Readonly<Record<string, unknown>>;

/** TaskChannelUniqueName (Flex's channels: voice, chat, sms, email, video) and TaskAttributes.channel values. */
const CHANNELS: ReadonlyMap<string, ContactChannel> = new Map([
  ['voice', 'voice'],
  ['phone', 'voice'],
  ['call', 'voice'],
  ['chat', 'chat'],
  ['web', 'chat'],
  ['webchat', 'chat'],
  ['sms', 'chat'],
  ['whatsapp', 'chat'],
  ['messenger', 'chat'],
  ['messaging', 'chat'],
  ['email', 'email'],
  ['video', 'video'],
  ['callback', 'callback'],
]);

/**
 * Only a caller who hung up while the task waited abandoned it: Twilio cancels the task of a call
 * that leaves the queue with TaskCanceledReason `hangup`. Every other cancellation took the task out
 * of the queue for another reason, which the contact ends with: the task's time-to-live or a
 * workflow timeout ran out ("Task TTL Exceeded", "Workflow Timeout"), the caller chose a callback or
 * a voicemail, the application moved the call, or an API call canceled it (its own reason, or none).
 * The reason is free text when the application sets it, so it is matched by keyword.
 */
const CALLER_LEFT = /hang[\s_-]?up|hung[\s_-]?up|caller[\s_-]?(left|disconnected|abandoned)|customer[\s_-]?(left|disconnected|abandoned)|abandon/i;
const QUEUE_EXITS: ReadonlyArray<[RegExp, string]> = [
  [/call[\s_-]?back/i, 'callback_requested'],
  [/voice[\s_-]?mail/i, 'voicemail_left'],
  [/redirect|transfer|moved/i, 'moved_out_of_queue'],
  [/ttl|time[\s_-]?to[\s_-]?live|time[\s_-]?out|timed[\s_-]?out|expired/i, 'timed_out'],
];

/** TaskAge, seconds since the task was created: TaskRouter's own measure of its wait (its task acceptance time). */
function taskAge(reader: CallbackReader): number | undefined {
  const age = Number(reader.optional('TaskAge'));
  return reader.optional('TaskAge') !== undefined && Number.isFinite(age) && age >= 0 ? age : undefined;
}

function queueOf(reader: CallbackReader): string | undefined {
  return reader.optional('TaskQueueName') ?? reader.optional('TaskQueueSid');
}

export function mapTaskRouterEvent(params: TaskRouterParams): MappingResult {
  const eventType = formText(params['EventType']);
  if (!eventType) return unmappable([{ path: 'EventType', message: 'Required: the TaskRouter event type' }]);
  const mapper = MAPPERS.get(eventType);
  if (!mapper) return { outcome: 'ignored', eventType, reason: `'${eventType}' is no contact or agent milestone` };
  const reader = new CallbackReader(params, eventType);
  const event = mapper(reader, eventType);
  if (reader.errors.length > 0) return unmappable(reader.errors, eventType);
  if (event === 'deferred') {
    return {
      outcome: 'ignored',
      eventType,
      reason: `'${eventType}' names no TaskQueue yet; contact.queued is taken from task-queue.entered`,
    };
  }
  // Every mapper returns an event whenever it recorded no error.
  if (!event) return unmappable([{ path: '', message: 'The event could not be mapped' }], eventType);
  const errors = catalogueErrors(event, 'callback', (path) => FIELD_OF[path]);
  return errors.length > 0 ? unmappable(errors, eventType) : mapped([event]);
}

/** The callback field each catalogue field is taken from, to name it when the catalogue refuses a value. */
const FIELD_OF: Readonly<Record<string, string | undefined>> = {
  id: 'TaskSid',
  'data.contactId': 'TaskSid',
  'data.queue': 'TaskQueueName',
  'data.agentId': 'WorkerSid',
  'data.customer.phone': 'TaskAttributes.from',
  'data.completedReason': 'TaskCompletedReason',
  'data.toAgentId': 'TransferTo',
  'data.toQueue': 'TransferTo',
};

type Mapper = (reader: CallbackReader, eventType: string) => MappedEvent | 'deferred' | undefined;

const MAPPERS: ReadonlyMap<string, Mapper> = new Map([
  ['task.created', queued],
  ['task-queue.entered', queued],
  ['reservation.accepted', answered],
  ['task.canceled', canceled],
  ['task.wrapup', wrappedUp],
  ['task.completed', completed],
  ['task.transfer-initiated', transferred],
  ['worker.activity.update', statusChanged],
]);

function queued(reader: CallbackReader, eventType: string): MappedEvent | 'deferred' | undefined {
  const queue = reader.optional('TaskQueueName') ?? reader.optional('TaskQueueSid');
  // The workflow normally puts a new task in its queue as it is created, so task.created names the
  // queue. When it does not, task-queue.entered (which always does) brings the milestone, same id.
  if (!queue && eventType === 'task.created') return 'deferred';
  const taskSid = reader.required('TaskSid');
  const time = reader.time();
  if (!queue) reader.fail('TaskQueueName', `Required for ${eventType}: TaskQueueName or TaskQueueSid`);
  const attributes = reader.attributes();
  const channel = channelOf(reader.optional('TaskChannelUniqueName'), attributes);
  if (!channel) {
    reader.fail(
      'TaskChannelUniqueName',
      `Required: a task channel (${[...CHANNELS.keys()].join(', ')}), or a channel or call_sid in TaskAttributes`,
    );
  }
  const dialled = directionOf(attributes['direction']);
  if (!dialled) reader.fail('TaskAttributes.direction', "Expected 'inbound' or 'outbound…'");
  if (!taskSid || !time || !queue || !channel || !dialled) return undefined;
  // A queued callback is the caller's own inbound demand, whichever way the call to serve it is
  // dialled: kept inbound (on the callback channel) so an inbound-only view does not lose it.
  const direction = channel === 'callback' ? 'inbound' : dialled;
  const phone = phoneNumberOf(text(dialled === 'inbound' ? (attributes['from'] ?? attributes['caller']) : (attributes['to'] ?? attributes['called'])));
  return reader.event('queued', 'contact.queued', taskSid, time, {
    contactId: taskSid,
    channel,
    queue,
    direction,
    ...(phone ? { customer: { phone } } : {}),
    ...platformIds(reader, attributes),
  });
}

function answered(reader: CallbackReader): MappedEvent | undefined {
  const taskSid = reader.required('TaskSid');
  const time = reader.time();
  const agentId = reader.optional('WorkerSid') ?? reader.optional('WorkerName');
  if (!agentId) reader.fail('WorkerSid', 'Required for reservation.accepted: WorkerSid or WorkerName');
  if (!taskSid || !time || !agentId) return undefined;
  return reader.event('answered', 'contact.answered', taskSid, time, {
    contactId: taskSid,
    agentId,
    queue: queueOf(reader),
    waitSeconds: taskAge(reader),
    workerName: reader.optional('WorkerName'),
    reservationSid: reader.optional('ReservationSid'),
  });
}

/** A task that left the queue unassigned: abandoned when the caller hung up, else ended with how it left. */
function canceled(reader: CallbackReader): MappedEvent | undefined {
  const taskSid = reader.required('TaskSid');
  const time = reader.time();
  if (!taskSid || !time) return undefined;
  const reason = reader.optional('TaskCanceledReason');
  const queue = queueOf(reader);
  const waitSeconds = taskAge(reader);
  const taskCanceledReason = reason?.slice(0, 200);
  if (reason && CALLER_LEFT.test(reason) && !QUEUE_EXITS.some(([pattern]) => pattern.test(reason))) {
    return reader.event('abandoned', 'contact.abandoned', taskSid, time, { contactId: taskSid, queue, waitSeconds, taskCanceledReason });
  }
  const exit = (reason && QUEUE_EXITS.find(([pattern]) => pattern.test(reason))?.[1]) ?? 'canceled';
  return reader.event('ended', 'contact.ended', taskSid, time, {
    contactId: taskSid,
    queue,
    disconnectReason: exit,
    queueOutcome: exit,
    dequeuedAt: time,
    waitSeconds,
    taskCanceledReason,
  });
}

/** task.wrapup: the conversation ended and after-contact work began. */
function wrappedUp(reader: CallbackReader): MappedEvent | undefined {
  const taskSid = reader.required('TaskSid');
  const time = reader.time();
  if (!taskSid || !time) return undefined;
  return reader.event('ended', 'contact.ended', taskSid, time, {
    contactId: taskSid,
    agentId: reader.optional('WorkerSid') ?? reader.optional('WorkerName'),
    queue: queueOf(reader),
  });
}

/**
 * task.completed: the after-contact work ended. The callback does not say when the wrap-up began,
 * so the work's length is left to whoever holds both milestones (quality: completed − ended).
 */
function completed(reader: CallbackReader): MappedEvent | undefined {
  const taskSid = reader.required('TaskSid');
  const time = reader.time();
  if (!taskSid || !time) return undefined;
  return reader.event('completed', 'contact.completed', taskSid, time, {
    contactId: taskSid,
    agentId: reader.optional('WorkerSid') ?? reader.optional('WorkerName'),
    queue: queueOf(reader),
    completedReason: reader.optional('TaskCompletedReason')?.slice(0, 200),
  });
}

/**
 * task.transfer-initiated: an agent handed the task to another worker (TransferType WORKER) or
 * queue (QUEUE), named by TransferTo. A task may be transferred several times, so each transfer is
 * its own event, told apart by its time.
 */
function transferred(reader: CallbackReader): MappedEvent | undefined {
  const taskSid = reader.required('TaskSid');
  const time = reader.time();
  const to = reader.required('TransferTo');
  // Without a TransferType, the target's sid says what it is: WK… a worker, WQ… a queue.
  const type = reader.optional('TransferType')?.toUpperCase() ?? (to?.startsWith('WK') ? 'WORKER' : 'QUEUE');
  if (type !== 'WORKER' && type !== 'QUEUE') reader.fail('TransferType', `Expected WORKER or QUEUE, got '${type.slice(0, 50)}'`);
  if (!taskSid || !time || !to || (type !== 'WORKER' && type !== 'QUEUE')) return undefined;
  const target = type === 'WORKER' ? { toAgentId: to } : { toQueue: to };
  return mappedEvent('contact.transferred', { id: `twilio:${taskSid}:transferred:${Date.parse(time)}`, source: reader.source(), time }, {
    contactId: taskSid,
    ...target,
    transferMode: reader.optional('TransferMode'),
    fromAgentId: reader.optional('TransferInitiatingWorkerSid'),
  });
}

function statusChanged(reader: CallbackReader): MappedEvent | undefined {
  const agentId = reader.optional('WorkerSid') ?? reader.optional('WorkerName');
  if (!agentId) reader.fail('WorkerSid', 'Required for worker.activity.update: WorkerSid or WorkerName');
  const activity = reader.required('WorkerActivityName');
  const time = reader.time();
  const status = activity ? agentStatusOfActivity(activity) : undefined;
  if (activity && !status) {
    reader.fail(
      'WorkerActivityName',
      `'${activity.slice(0, 100)}' is not an activity Hotline can place: name it with one of ` +
        'available, idle, ready; busy, reserved, on call, wrap up; away, break, lunch, unavailable, not ready; offline',
    );
  }
  if (!agentId || !time || !status) return undefined;
  const id = `twilio:${agentId}:status:${status}:${Date.parse(time)}`;
  return mappedEvent('agent.status_changed', { id, source: reader.source(), time }, {
    agentId,
    status,
    workerName: reader.optional('WorkerName'),
    activity: activity?.slice(0, 200),
  });
}

function channelOf(taskChannel: string | undefined, attributes: Record<string, unknown>): ContactChannel | undefined {
  // Flex's queued-callback tasks run on the voice channel and say what they are in their attributes.
  const kind = text(attributes['taskType']) ?? text(attributes['type']);
  if (kind?.toLowerCase() === 'callback') return 'callback';
  const fromTaskChannel = taskChannel && taskChannel !== 'default' ? CHANNELS.get(taskChannel.toLowerCase()) : undefined;
  if (fromTaskChannel) return fromTaskChannel;
  const declared = text(attributes['channel']) ?? text(attributes['channelType']);
  const fromAttributes = declared ? CHANNELS.get(declared.toLowerCase()) : undefined;
  if (fromAttributes) return fromAttributes;
  return text(attributes['call_sid']) ? 'voice' : undefined;
}

/** Twilio voice calls say `inbound`, `outbound-api` or `outbound-dial`; a task without a direction is inbound work. */
function directionOf(value: unknown): 'inbound' | 'outbound' | undefined {
  if (value === undefined) return 'inbound';
  const direction = text(value)?.toLowerCase();
  if (direction === 'inbound') return 'inbound';
  return direction?.startsWith('outbound') ? 'outbound' : undefined;
}

function platformIds(reader: CallbackReader, attributes: Record<string, unknown>): Record<string, string> {
  return optionalFields({
    callSid: text(attributes['call_sid']),
    taskQueueSid: reader.optional('TaskQueueSid'),
    taskChannel: reader.optional('TaskChannelUniqueName'),
  });
}

/** TaskAttributes are the integrator's own JSON: a value of another kind is no value, not an error. */
function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function optionalFields<T>(fields: Record<string, T | undefined>): Record<string, T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Record<string, T>;
}

/**
 * Reads a callback's form parameters (every value a string; a repeated one counts by its first)
 * through the kit's field reader, collecting every problem so one 422 names them all.
 */
class CallbackReader {
  private readonly fields: FieldReader;
  private parsedAttributes?: Record<string, unknown>;

  constructor(params: TaskRouterParams, private readonly eventType: string) {
    this.fields = FieldReader.of(formRecord(params), ['epochMillis']);
  }

  get errors() {
    return this.fields.errors;
  }

  optional(name: string): string | undefined {
    return this.fields.string(name);
  }

  required(name: string): string | undefined {
    const value = this.optional(name);
    if (value === undefined) this.fail(name, `Required for ${this.eventType}`);
    return value;
  }

  fail(path: string, message: string): void {
    this.fields.fail(path, message);
  }

  /** When it happened: TimestampMs when present (milliseconds since 2018), else Timestamp (seconds). */
  time(): string | undefined {
    const milliseconds = this.optional('TimestampMs');
    if (milliseconds !== undefined) {
      const time = platformTimestampToIso(milliseconds, ['epochMillis']);
      if (!time) this.fail('TimestampMs', 'Expected epoch milliseconds, e.g. 1795570200000');
      return time;
    }
    const seconds = this.optional('Timestamp');
    if (seconds === undefined) {
      this.fail('TimestampMs', 'Required: TimestampMs or Timestamp');
      return undefined;
    }
    const time = platformTimestampToIso(seconds, ['epochSeconds']);
    if (!time) this.fail('Timestamp', 'Expected epoch seconds, e.g. 1795570200');
    return time;
  }

  /** TaskAttributes, a JSON object in a string; `{}` when absent. */
  attributes(): Record<string, unknown> {
    if (this.parsedAttributes) return this.parsedAttributes;
    const raw = this.optional('TaskAttributes');
    let parsed: unknown = {};
    if (raw !== undefined) {
      try {
        parsed = JSON.parse(raw);
      } catch {
        parsed = undefined;
      }
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      this.fail('TaskAttributes', 'Expected a JSON object');
      parsed = {};
    }
    this.parsedAttributes = parsed as Record<string, unknown>;
    return this.parsedAttributes;
  }

  /** `/twilio/taskrouter/<WorkspaceSid>`: which workspace the event came from. */
  source(): string {
    const workspace = this.optional('WorkspaceSid');
    return workspace && /^[A-Za-z0-9]+$/.test(workspace) ? `/twilio/taskrouter/${workspace}` : '/twilio/taskrouter';
  }

  event<K extends PlatformEventType>(milestone: string, type: K, taskSid: string, time: string, data: EventDataInput<K>): MappedEvent<K> {
    return mappedEvent(type, { id: `twilio:${taskSid}:${milestone}`, source: this.source(), time }, data);
  }
}
