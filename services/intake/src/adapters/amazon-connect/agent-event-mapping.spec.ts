import stateChange from '../../../test/fixtures/amazon-connect/agent-event-state-change.json';
import { mapAgentEvent, mapAgentEvents } from './agent-event-mapping';

type AgentEvent = typeof stateChange & Record<string, unknown>;
const withSnapshot = (changes: Record<string, unknown>): AgentEvent => ({
  ...stateChange,
  CurrentAgentSnapshot: { ...stateChange.CurrentAgentSnapshot, ...changes },
});
const statusOf = (event: unknown) => {
  const result = mapAgentEvent(event);
  return result.outcome === 'mapped' ? (result.events[0]?.data as { status: string }).status : result;
};

describe('Amazon Connect agent events → agent.status_changed', () => {
  it('maps a state change to Available onto the agent, named as its contact records name it, with team and queues', () => {
    expect(mapAgentEvent(stateChange)).toEqual({
      outcome: 'mapped',
      events: [
        {
          id: 'amazon-connect:agent-event:477f2c8f-6ad8-4a26-9c78-cbd7f8d0f9a3',
          source: '/amazon-connect',
          type: 'agent.status_changed',
          time: '2026-11-25T01:29:40.734Z',
          data: {
            agentId: 'liwei',
            status: 'available',
            team: 'Billing team',
            skills: ['Billing', 'Roaming'],
            connectStatus: 'Available',
            agentArn: stateChange.AgentARN,
          },
        },
      ],
    });
  });

  it('is busy while the agent works a contact (talking, on hold, in after-contact work), available again after', () => {
    const on = (State: string) => withSnapshot({ Contacts: [{ Channel: 'VOICE', ContactId: 'c-1', State }] });
    expect(['CONNECTING', 'CONNECTED', 'CONNECTED_ONHOLD', 'ENDED'].map((state) => statusOf(on(state)))).toEqual(['busy', 'busy', 'busy', 'busy']);
    expect(statusOf(on('MISSED'))).toBe('available');
  });

  it('is away in a custom status, offline in an offline one or after LOGOUT', () => {
    expect(statusOf(withSnapshot({ AgentStatus: { Name: 'Lunch', Type: 'CUSTOM' } }))).toBe('away');
    expect(statusOf(withSnapshot({ AgentStatus: { Name: 'Offline', Type: 'OFFLINE' } }))).toBe('offline');
    expect(statusOf({ ...stateChange, EventType: 'LOGOUT' })).toBe('offline');
  });

  it('ignores heartbeats, and names the agent by its ARN when the snapshot has no username', () => {
    expect(mapAgentEvents([{ ...stateChange, EventType: 'HEART_BEAT' }])).toMatchObject({ outcome: 'ignored' });
    const anonymous = withSnapshot({ Configuration: { RoutingProfile: stateChange.CurrentAgentSnapshot.Configuration.RoutingProfile } });
    expect(mapAgentEvent(anonymous)).toMatchObject({ outcome: 'mapped', events: [{ data: { agentId: stateChange.AgentARN } }] });
  });

  it('names every missing or unknown field, with its index in a batch', () => {
    const { EventId: _id, ...noId } = stateChange;
    expect(mapAgentEvents([stateChange, { ...noId, EventType: 'TELEPORTED' }])).toEqual({
      outcome: 'unmappable',
      errors: [
        { index: 1, path: 'EventType', message: expect.stringContaining('Unknown agent event type') },
        { index: 1, path: 'EventId', message: expect.stringContaining('Required') },
      ],
    });
    expect(mapAgentEvent(withSnapshot({ AgentStatus: { Type: 'SLEEPING' } }))).toMatchObject({
      outcome: 'unmappable',
      errors: [{ path: 'CurrentAgentSnapshot.AgentStatus.Type' }],
    });
  });
});
