import { catalogueErrors } from '../kit/catalogue-errors';
import { FieldReader, isObject, notAnObject } from '../kit/field-reader';
import { mappedEvent } from '../kit/mapped-event';
import { mapEach, mapped, type MappingResult, unmappable } from '../kit/mapping-result';
import { AMAZON_CONNECT_SOURCE } from './connect-event';
import type { ResourceName } from './connect-resource-names';

/*
 * Amazon Connect agent events, as its agent event stream writes them to Kinesis Data Streams,
 * mapped onto agent.status_changed. Shapes and semantics: Amazon Connect Administrator Guide,
 * "Amazon Connect agent event streams" and its "Agent event streams data model".
 *
 * | EventType                | agent.status_changed                                                     |
 * | ------------------------ | ------------------------------------------------------------------------ |
 * | LOGIN, STATE_CHANGE      | the agent's status now: see statusOf                                     |
 * | LOGOUT                   | offline                                                                  |
 * | HEART_BEAT               | none: Connect repeats the unchanged state every 120 s                    |
 *
 * The agent is named as the contact records name it (Configuration.Username, else the AgentARN), so
 * one agent is one id across both feeds. Each event is its own change: id `amazon-connect:agent-event:<EventId>`.
 */

const STATUS_CHANGES = new Set(['LOGIN', 'STATE_CHANGE', 'LOGOUT']);
/** A contact the agent is working: connecting, talking, on hold, or in after-contact work (ENDED). */
const WORKING_STATES = new Set(['INCOMING', 'PENDING', 'CONNECTING', 'CONNECTED', 'CONNECTED_ONHOLD', 'ENDED']);

type AgentStatus = 'available' | 'busy' | 'away' | 'offline';

export function mapAgentEvents(records: readonly unknown[], batch = true): MappingResult {
  const result = mapEach(records, batch, mapAgentEvent, 'The delivery holds no agent events');
  if (result.outcome !== 'mapped' || result.events.length > 0 || records.length === 0) return result;
  return { outcome: 'ignored', eventType: 'HEART_BEAT', reason: 'Heartbeats repeat the agent state already sent' };
}

export function mapAgentEvent(value: unknown): MappingResult {
  if (!isObject(value)) return unmappable([notAnObject(value, 'an agent event')]);
  const r = FieldReader.of(value, ['iso8601']);
  const type = r.required('EventType', 'LOGIN, LOGOUT, STATE_CHANGE or HEART_BEAT');
  if (type === 'HEART_BEAT') return mapped([]);
  if (type !== undefined && !STATUS_CHANGES.has(type)) r.fail('EventType', `Unknown agent event type '${type.slice(0, 50)}': expected LOGIN, LOGOUT, STATE_CHANGE or HEART_BEAT`);
  const eventId = r.required('EventId', 'the id Connect gives each agent event');
  const time = r.timestamp('EventTimestamp', true);
  const agentId = r.string('CurrentAgentSnapshot.Configuration.Username') ?? r.required('AgentARN', 'the agent (AgentARN, or CurrentAgentSnapshot.Configuration.Username)');
  const status = type === 'LOGOUT' ? 'offline' : statusOf(r);
  if (r.errors.length > 0 || !eventId || !time || !agentId || !status) return unmappable(r.errors);

  const snapshot = r.at('CurrentAgentSnapshot');
  const event = mappedEvent(
    'agent.status_changed',
    { id: `amazon-connect:agent-event:${eventId}`, source: AMAZON_CONNECT_SOURCE, time },
    {
      agentId,
      status,
      team: teamOf(r),
      skills: queuesOf(r),
      connectStatus: snapshot?.string('AgentStatus.Name'),
      agentArn: r.string('AgentARN'),
    },
  );
  const errors = catalogueErrors(event, 'agent event', (path) => FIELD_OF[path]);
  return errors.length > 0 ? unmappable(errors) : mapped([event]);
}

const FIELD_OF: Readonly<Record<string, string | undefined>> = {
  id: 'EventId',
  'data.agentId': 'CurrentAgentSnapshot.Configuration.Username',
  'data.team': 'CurrentAgentSnapshot.Configuration.AgentHierarchyGroups',
  'data.skills': 'CurrentAgentSnapshot.Configuration.RoutingProfile.InboundQueues',
};

/**
 * The agent's status from the current snapshot: an OFFLINE status type is offline; a routable
 * status (Available) is busy while the agent works a contact, else available; any custom status
 * (Break, Lunch, Training, …) is away.
 */
function statusOf(r: FieldReader): AgentStatus | undefined {
  const type = r.required('CurrentAgentSnapshot.AgentStatus.Type', 'ROUTABLE, CUSTOM or OFFLINE');
  if (type === undefined) return undefined;
  if (type === 'OFFLINE') return 'offline';
  if (type === 'CUSTOM') return 'away';
  if (type !== 'ROUTABLE') {
    r.fail('CurrentAgentSnapshot.AgentStatus.Type', `Unknown status type '${type.slice(0, 50)}': expected ROUTABLE, CUSTOM or OFFLINE`);
    return undefined;
  }
  const working = r.list('CurrentAgentSnapshot.Contacts').some((contact) => WORKING_STATES.has(contact.string('State') ?? ''));
  return working ? 'busy' : 'available';
}

/** The agent's lowest hierarchy group (Level5 … Level1): the team it works in. */
function teamOf(r: FieldReader): string | undefined {
  for (const level of ['Level5', 'Level4', 'Level3', 'Level2', 'Level1']) {
    const name = r.string(`CurrentAgentSnapshot.Configuration.AgentHierarchyGroups.${level}.Name`);
    if (name) return name;
  }
  return undefined;
}

/** The queues the agent's routing profile takes contacts from: what Hotline's routing calls skills. */
function queuesOf(r: FieldReader): string[] | undefined {
  const names = r
    .list('CurrentAgentSnapshot.Configuration.RoutingProfile.InboundQueues')
    .map((queue) => queue.string('Name'))
    .filter((name): name is string => name !== undefined);
  return names.length > 0 ? [...new Set(names)] : undefined;
}

/**
 * The agent and queue names agent events tell (the agent's Username, its routing profile's queues),
 * by ARN: contact events name agents and queues by ARN only.
 */
export function resourceNamesOf(records: readonly unknown[]): ResourceName[] {
  return records.filter(isObject).flatMap((record) => {
    const r = FieldReader.of(record, ['iso8601']);
    const names: ResourceName[] = [];
    const agentArn = r.string('AgentARN');
    const username = r.string('CurrentAgentSnapshot.Configuration.Username');
    if (agentArn && username) names.push({ arn: agentArn, name: username });
    const profile = 'CurrentAgentSnapshot.Configuration.RoutingProfile';
    for (const queue of [...r.list(`${profile}.InboundQueues`), ...[r.at(`${profile}.DefaultOutboundQueue`)].filter((q) => q !== undefined)]) {
      const [arn, name] = [queue.string('ARN'), queue.string('Name')];
      if (arn && name) names.push({ arn, name });
    }
    return names;
  });
}
