import completedEvents from '../../../test/fixtures/amazon-connect/contact-events-completed.json';
import events from '../../../test/fixtures/amazon-connect/contact-events-eventbridge.json';
import { resourceNamesOf } from './agent-event-mapping';
import agentEvent from '../../../test/fixtures/amazon-connect/agent-event-state-change.json';
import { arnsOf, mapContactEvent, mapContactEvents } from './contact-event-mapping';

const [queued, connected, disconnectedAnswered, queuedAbandoned, disconnectedAbandoned] = events;
const [completedAfterWork, completedWithoutWork] = completedEvents;
const NAMES = new Map(resourceNamesOf([agentEvent]).map(({ arn, name }) => [arn, name]));
const named = (arn: string) => NAMES.get(arn);
const unnamed = () => undefined;

describe('Amazon Connect contact events (EventBridge) → live contact milestones', () => {
  it('QUEUED is contact.queued at the enqueue time, the queue named as the contact records name it', () => {
    expect(mapContactEvent(queued, named)).toEqual({
      outcome: 'mapped',
      events: [
        {
          id: `amazon-connect:${queued.detail.contactId}:queued`,
          source: '/amazon-connect',
          type: 'contact.queued',
          time: '2026-11-25T01:30:00.250Z',
          data: { contactId: queued.detail.contactId, channel: 'voice', queue: 'Billing', direction: 'inbound' },
        },
      ],
    });
  });

  it('CONNECTED_TO_AGENT is contact.answered with the exact wait; unnamed resources fall back to the ARN’s id', () => {
    expect(mapContactEvent(connected, named)).toMatchObject({
      outcome: 'mapped',
      events: [{ id: `amazon-connect:${connected.detail.contactId}:answered`, time: '2026-11-25T01:30:21.750Z', data: { agentId: 'liwei', queue: 'Billing', waitSeconds: 21.5 } }],
    });
    expect(mapContactEvent(connected, unnamed)).toMatchObject({
      outcome: 'mapped',
      events: [{ data: { agentId: '9f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0', queue: '4' } }],
    });
  });

  it('a customer who hangs up while queued abandoned; an answered contact’s disconnect is left to its contact record', () => {
    expect(mapContactEvent(disconnectedAbandoned, named)).toMatchObject({
      outcome: 'mapped',
      events: [{ id: `amazon-connect:${queuedAbandoned.detail.contactId}:abandoned`, type: 'contact.abandoned', time: '2026-11-25T01:31:48.500Z', data: { queue: 'Billing', waitSeconds: 48.5 } }],
    });
    expect(mapContactEvent(disconnectedAnswered, named)).toEqual({ outcome: 'mapped', events: [] });
    const flowDisconnect = { ...disconnectedAbandoned, detail: { ...disconnectedAbandoned.detail, disconnectReason: 'CONTACT_FLOW_DISCONNECT' } };
    expect(mapContactEvent(flowDisconnect, named)).toEqual({ outcome: 'mapped', events: [] });
    expect(mapContactEvents([disconnectedAnswered], named)).toMatchObject({ outcome: 'ignored' });
  });

  it('COMPLETED after the agent’s After Contact Work is contact.completed at the work’s end, with Connect’s duration', () => {
    expect(mapContactEvent(completedAfterWork, named)).toEqual({
      outcome: 'mapped',
      events: [
        {
          id: `amazon-connect:${completedAfterWork.detail.contactId}:completed`,
          source: '/amazon-connect',
          type: 'contact.completed',
          time: '2026-11-25T01:35:45.500Z',
          // afterContactWorkDuration: Connect's whole seconds, as the contact record's Agent.AfterContactWorkDuration.
          data: { contactId: completedAfterWork.detail.contactId, agentId: 'liwei', queue: 'Billing', afterContactWorkSeconds: 45 },
        },
      ],
    });
    const agentInfo = completedAfterWork.detail.agentInfo as Record<string, unknown>;
    const { afterContactWorkDuration: _d, ...noDuration } = agentInfo;
    expect(mapContactEvent({ ...completedAfterWork, detail: { ...completedAfterWork.detail, agentInfo: noDuration } }, named)).toMatchObject({
      events: [{ data: { afterContactWorkSeconds: 45.5 } }],
    });
    const backwards = { ...noDuration, afterContactWorkStartTimestamp: '2026-11-25T01:36:00.000Z' };
    expect(mapContactEvent({ ...completedAfterWork, detail: { ...completedAfterWork.detail, agentInfo: backwards } }, named)).toEqual({
      outcome: 'unmappable',
      errors: [{ path: 'detail.agentInfo.afterContactWorkEndTimestamp', message: expect.stringContaining('before') }],
    });
  });

  it('COMPLETED of a contact without After Contact Work (no agent, or none entered) adds nothing: the record ends it', () => {
    expect(mapContactEvent(completedWithoutWork, named)).toEqual({ outcome: 'mapped', events: [] });
    expect(mapContactEvents([completedWithoutWork], named)).toMatchObject({ outcome: 'ignored' });
  });

  it('lists the ARNs a delivery names, and names what an event lacks with its index', () => {
    expect(new Set(arnsOf(events))).toEqual(new Set([queued.detail.queueInfo.queueArn, connected.detail.agentInfo?.agentArn]));
    const { queueInfo: _q, ...noQueue } = queued.detail;
    expect(mapContactEvents([queued, { ...queued, detail: { ...noQueue, channel: 'TASK' } }], named)).toEqual({
      outcome: 'unmappable',
      errors: [
        { index: 1, path: 'detail.channel', message: expect.stringContaining('TASK contacts') },
        { index: 1, path: 'detail.queueInfo.enqueueTimestamp', message: expect.stringContaining('Required') },
        { index: 1, path: 'detail.queueInfo.queueArn', message: expect.stringContaining('Required') },
      ],
    });
    expect(mapContactEvent({ ...queued, 'detail-type': 'EC2 Instance State-change Notification' }, named)).toMatchObject({ outcome: 'unmappable', errors: [{ path: 'detail-type' }] });
  });
});
