import { validateIncomingEvent } from '@hotline/contracts';
import canceledCallback from '../../../test/fixtures/twilio/task-canceled-callback.json';
import canceledHangup from '../../../test/fixtures/twilio/task-canceled-hangup.json';
import completed from '../../../test/fixtures/twilio/task-completed.json';
import created from '../../../test/fixtures/twilio/task-created.json';
import accepted from '../../../test/fixtures/twilio/reservation-accepted.json';
import wrapup from '../../../test/fixtures/twilio/task-wrapup.json';
import activityUpdate from '../../../test/fixtures/twilio/worker-activity-update.json';
import targetMatched from '../../../test/fixtures/twilio/workflow-target-matched.json';
import type { MappedEvent } from '../kit/mapped-event';
import { mapTaskRouterEvent, type TaskRouterParams } from './taskrouter-event-mapping';

const TASK = 'WT8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d';
const WORKER = 'WK4e5f6a7b8c9d0e1f2a3b4c5d6e7f8091';
const SOURCE = '/twilio/taskrouter/WS0e4f7a9b1c2d3e4f5a6b7c8d9e0f1a2b';

function mapped(params: TaskRouterParams): MappedEvent {
  const result = mapTaskRouterEvent(params);
  if (result.outcome !== 'mapped') throw new Error(`expected a mapped event, got ${JSON.stringify(result)}`);
  expect(result.events).toHaveLength(1);
  const [event] = result.events;
  // Whatever the adapter maps must pass the catalogue exactly as the ingest pipeline checks it.
  expect(validateIncomingEvent(event)).toMatchObject({ ok: true });
  return event;
}

function errorsOf(params: TaskRouterParams) {
  const result = mapTaskRouterEvent(params);
  if (result.outcome !== 'unmappable') throw new Error(`expected unmappable, got ${JSON.stringify(result)}`);
  return result.errors;
}

describe('mapTaskRouterEvent', () => {
  it('maps task.created to contact.queued at TimestampMs, with the call and the caller', () => {
    expect(mapped(created)).toEqual({
      id: `twilio:${TASK}:queued`,
      source: SOURCE,
      type: 'contact.queued',
      time: '2026-11-25T01:30:00.123Z',
      data: {
        contactId: TASK,
        channel: 'voice',
        queue: 'Billing',
        direction: 'inbound',
        customer: { phone: '+8613912345678' },
        callSid: 'CA9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6',
        taskQueueSid: 'WQ1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e',
        taskChannel: 'voice',
      },
    });
  });

  it('maps task-queue.entered to the same queued event, and defers a task.created that names no queue', () => {
    expect(mapped({ ...created, EventType: 'task-queue.entered' }).id).toBe(`twilio:${TASK}:queued`);
    const { TaskQueueName: _name, TaskQueueSid: _sid, ...unqueued } = created;
    expect(mapTaskRouterEvent(unqueued)).toMatchObject({ outcome: 'ignored', eventType: 'task.created' });
    expect(errorsOf({ ...unqueued, EventType: 'task-queue.entered' })).toEqual([
      expect.objectContaining({ path: 'TaskQueueName' }),
    ]);
  });

  it('maps reservation.accepted to contact.answered by the worker', () => {
    expect(mapped(accepted)).toEqual({
      id: `twilio:${TASK}:answered`,
      source: SOURCE,
      type: 'contact.answered',
      time: '2026-11-25T01:30:12.623Z',
      data: {
        contactId: TASK,
        agentId: WORKER,
        queue: 'Billing',
        waitSeconds: 12, // TaskAge at acceptance: TaskRouter's own task acceptance time
        workerName: 'li.na',
        reservationSid: 'WR5f6a7b8c9d0e1f2a3b4c5d6e7f8091a2',
      },
    });
    const { WorkerSid: _sid, ...byName } = accepted;
    expect(mapped(byName).data['agentId']).toBe('li.na');
  });

  it('maps task.wrapup to contact.ended and task.completed to contact.completed: two milestones, each at its own time', () => {
    // A documented pair: the agent accepted at 01:30:12.623, the call ended and wrap-up began at
    // 01:34:30.000, the wrap-up was done at 01:35:00.456 (TaskAge 270 → 300 s).
    const expected = [
      {
        id: `twilio:${TASK}:ended`,
        source: SOURCE,
        type: 'contact.ended',
        time: '2026-11-25T01:34:30.000Z',
        data: { contactId: TASK, queue: 'Billing' },
      },
      {
        id: `twilio:${TASK}:completed`,
        source: SOURCE,
        type: 'contact.completed',
        time: '2026-11-25T01:35:00.456Z',
        data: { contactId: TASK, queue: 'Billing', completedReason: 'Call ended; wrap-up done' },
      },
    ];
    // Whichever callback arrives first, each maps to its own milestone: nothing is a duplicate of the other.
    expect([mapped(wrapup), mapped(completed)]).toEqual(expected);
    const [done, ended] = [mapped(completed), mapped(wrapup)];
    expect([ended, done]).toEqual(expected);
    // The figures the two milestones give with the answer: talk ends at the wrap-up, not at the completion.
    const answeredAt = Date.parse(mapped(accepted).time);
    expect((Date.parse(ended.time) - answeredAt) / 1000).toBe(257.377); // talk (and hold)
    expect((Date.parse(done.time) - Date.parse(ended.time)) / 1000).toBe(30.456); // after-contact work
    expect((Date.parse(done.time) - answeredAt) / 1000).toBe(287.833); // handle
  });

  it('takes the completing worker when the callback names one', () => {
    expect(mapped({ ...completed, WorkerSid: WORKER }).data).toMatchObject({ agentId: WORKER });
    expect(mapped({ ...wrapup, WorkerName: 'li.na' }).data).toMatchObject({ agentId: 'li.na' });
    const { TaskCompletedReason: _reason, ...noReason } = completed;
    expect(mapped(noReason).data).not.toHaveProperty('completedReason');
  });

  it('counts a caller who hung up in the queue as abandoned', () => {
    expect(mapped(canceledHangup)).toEqual({
      id: 'twilio:WTaa7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d:abandoned',
      source: SOURCE,
      type: 'contact.abandoned',
      time: '2026-11-25T01:36:40.000Z',
      data: { contactId: 'WTaa7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d', queue: 'Billing', waitSeconds: 47, taskCanceledReason: 'hangup' },
    });
  });

  it('ends a task canceled by its time-to-live, a workflow timeout or the API with its reason: no abandonment', () => {
    const TASK_AA = 'WTaa7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d';
    expect(mapped({ ...canceledHangup, TaskCanceledReason: 'Task TTL Exceeded' })).toEqual({
      id: `twilio:${TASK_AA}:ended`,
      source: SOURCE,
      type: 'contact.ended',
      time: '2026-11-25T01:36:40.000Z',
      data: {
        contactId: TASK_AA,
        queue: 'Billing',
        disconnectReason: 'timed_out',
        queueOutcome: 'timed_out',
        dequeuedAt: '2026-11-25T01:36:40.000Z',
        waitSeconds: 47,
        taskCanceledReason: 'Task TTL Exceeded',
      },
    });
    expect(mapped({ ...canceledHangup, TaskCanceledReason: 'Workflow Timeout' }).data).toMatchObject({ queueOutcome: 'timed_out' });
    const { TaskCanceledReason: _reason, ...noReason } = canceledHangup;
    expect(mapped(noReason)).toMatchObject({ type: 'contact.ended', data: { disconnectReason: 'canceled', queueOutcome: 'canceled' } });
    expect(mapped({ ...canceledHangup, TaskCanceledReason: 'Canceled by supervisor via API' }).type).toBe('contact.ended');
  });

  it('does not count a caller who chose a callback or a voicemail, or a call moved away, as abandoned', () => {
    expect(mapped(canceledCallback)).toEqual({
      id: 'twilio:WTbb7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d:ended',
      source: SOURCE,
      type: 'contact.ended',
      time: '2026-11-25T01:38:20.000Z',
      data: {
        contactId: 'WTbb7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d',
        queue: 'Billing',
        disconnectReason: 'callback_requested',
        // It left the queue when the callback was chosen: its dequeue time and exact wait.
        queueOutcome: 'callback_requested',
        dequeuedAt: '2026-11-25T01:38:20.000Z',
        waitSeconds: expect.any(Number),
        taskCanceledReason: 'Caller requested a callback',
      },
    });
    expect(mapped({ ...canceledCallback, TaskCanceledReason: 'left a voicemail' }).data['disconnectReason']).toBe('voicemail_left');
    expect(mapped({ ...canceledCallback, TaskCanceledReason: 'redirected' }).data['disconnectReason']).toBe('moved_out_of_queue');
  });

  it('maps task.transfer-initiated to contact.transferred, to the worker or the queue it names', () => {
    const transfer = {
      ...wrapup,
      EventType: 'task.transfer-initiated',
      TaskAssignmentStatus: 'assigned',
      TimestampMs: '1795570400250',
      Timestamp: '1795570400',
      TransferTo: 'WK9f8e7d6c5b4a39281706f5e4d3c2b1a0',
      TransferType: 'WORKER',
      TransferMode: 'COLD',
      TransferInitiatingWorkerSid: WORKER,
    };
    expect(mapped(transfer)).toEqual({
      id: `twilio:${TASK}:transferred:1795570400250`,
      source: SOURCE,
      type: 'contact.transferred',
      time: '2026-11-25T01:33:20.250Z',
      data: { contactId: TASK, toAgentId: 'WK9f8e7d6c5b4a39281706f5e4d3c2b1a0', transferMode: 'COLD', fromAgentId: WORKER },
    });
    const toQueue = mapped({ ...transfer, TransferType: 'QUEUE', TransferTo: 'WQ0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d' });
    expect(toQueue.data).toMatchObject({ toQueue: 'WQ0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d' });
    expect(toQueue.data).not.toHaveProperty('toAgentId');
    const { TransferTo: _to, ...noTarget } = transfer;
    expect(errorsOf(noTarget)).toEqual([expect.objectContaining({ path: 'TransferTo' })]);
  });

  it('maps worker.activity.update to agent.status_changed', () => {
    expect(mapped(activityUpdate)).toEqual({
      id: `twilio:${WORKER}:status:away:1795571000789`,
      source: SOURCE,
      type: 'agent.status_changed',
      time: '2026-11-25T01:43:20.789Z',
      data: { agentId: WORKER, status: 'away', workerName: 'li.na', activity: 'Break' },
    });
    const statusOf = (WorkerActivityName: string) => mapped({ ...activityUpdate, WorkerActivityName }).data['status'];
    expect(['Available', 'Idle', 'Busy', 'Reserved', 'WrapUp', 'Unavailable', 'Lunch', 'Not Ready', 'Offline']
      .map(statusOf)).toEqual(['available', 'available', 'busy', 'busy', 'busy', 'away', 'away', 'away', 'offline']);
  });

  it('names an activity it cannot place instead of guessing', () => {
    expect(errorsOf({ ...activityUpdate, WorkerActivityName: 'Gardening' })).toEqual([
      { path: 'WorkerActivityName', message: expect.stringContaining("'Gardening'") },
    ]);
  });

  it('reads the channel from the task channel, else the attributes', () => {
    const withChannel = (TaskChannelUniqueName: string | undefined, attributes: object) => {
      const { TaskChannelUniqueName: _channel, ...rest } = created;
      const params = { ...rest, TaskAttributes: JSON.stringify(attributes) };
      return mapped(TaskChannelUniqueName ? { ...params, TaskChannelUniqueName } : params).data['channel'];
    };
    expect(withChannel('chat', {})).toBe('chat');
    expect(withChannel('sms', { from: '+8613912345678' })).toBe('chat');
    expect(withChannel('email', {})).toBe('email');
    expect(withChannel('default', { channelType: 'web' })).toBe('chat');
    expect(withChannel(undefined, { call_sid: 'CA1' })).toBe('voice');
    expect(withChannel('voice', { taskType: 'callback' })).toBe('callback');
  });

  it('reads the direction from the attributes; a task without one is inbound work', () => {
    const withDirection = (direction?: string) =>
      mapped({ ...created, TaskAttributes: JSON.stringify({ direction, to: '+861088880000', from: '+861088886666' }) }).data;
    expect(withDirection('outbound-api')).toMatchObject({ direction: 'outbound', customer: { phone: '+861088880000' } });
    expect(withDirection(undefined)).toMatchObject({ direction: 'inbound' });
  });

  it('keeps a queued callback inbound on the callback channel, even when the call serving it is dialled out', () => {
    const attributes = { taskType: 'callback', direction: 'outbound-api', to: '+8613912345678', from: '+861088886666' };
    expect(mapped({ ...created, TaskAttributes: JSON.stringify(attributes) }).data).toMatchObject({
      channel: 'callback',
      direction: 'inbound',
      customer: { phone: '+8613912345678' },
    });
  });

  it('falls back to Timestamp (epoch seconds) without TimestampMs', () => {
    const { TimestampMs: _ms, ...secondsOnly } = created;
    expect(mapped(secondsOnly).time).toBe('2026-11-25T01:30:00.000Z');
  });

  it('names every missing or malformed field of an event it maps', () => {
    const { TaskSid: _sid, TimestampMs: _ms, Timestamp: _s, TaskChannelUniqueName: _channel, ...broken } = created;
    expect(errorsOf({ ...broken, TaskAttributes: '{"direction": "sideways"}' }).map((e) => e.path)).toEqual([
      'TaskSid',
      'TimestampMs',
      'TaskChannelUniqueName',
      'TaskAttributes.direction',
    ]);
    expect(errorsOf({ ...created, TaskAttributes: 'not json' }).map((e) => e.path)).toContain('TaskAttributes');
    expect(errorsOf({ ...created, TimestampMs: 'soon' })).toEqual([expect.objectContaining({ path: 'TimestampMs' })]);
    const { WorkerSid: _w, WorkerName: _n, ...noWorker } = accepted;
    expect(errorsOf(noWorker)).toEqual([expect.objectContaining({ path: 'WorkerSid' })]);
    expect(errorsOf({})).toEqual([expect.objectContaining({ path: 'EventType' })]);
  });

  it('ignores event types that carry no contact or agent milestone', () => {
    expect(mapTaskRouterEvent(targetMatched)).toEqual({
      outcome: 'ignored',
      eventType: 'workflow.target-matched',
      reason: expect.any(String),
    });
    expect(mapTaskRouterEvent({ EventType: 'reservation.rejected' })).toMatchObject({ outcome: 'ignored' });
  });
});

describe('mapTaskRouterEvent and the catalogue', () => {
  it('reports a value the catalogue refuses on the callback field it came from', () => {
    expect(errorsOf({ ...created, TaskQueueName: 'q'.repeat(201) })).toEqual([
      { path: 'TaskQueueName', message: expect.stringContaining('data.queue of the contact.queued event') },
    ]);
  });
});

describe('mapTaskRouterEvent and odd input', () => {
  it('takes no property of Object.prototype for an event type or a channel', () => {
    expect(mapTaskRouterEvent({ ...created, EventType: 'constructor' })).toMatchObject({ outcome: 'ignored', eventType: 'constructor' });
    expect(mapTaskRouterEvent({ ...created, EventType: 'toString' })).toMatchObject({ outcome: 'ignored' });
    const { TaskAttributes: _attributes, ...bare } = created;
    expect(errorsOf({ ...bare, TaskChannelUniqueName: 'constructor' })).toEqual([expect.objectContaining({ path: 'TaskChannelUniqueName' })]);
  });
});
