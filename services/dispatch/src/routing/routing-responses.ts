import { z } from 'zod';
import { AGENT_STATUSES, type AgentRecord } from './domain/agent-status';
import type { StoredAssignment } from './assignments.repository';
import type { TeamRecord } from './agents.repository';
import type { RuleSet } from './rules.repository';
import { rulesRequest } from './routing-requests';

const timestamp = z.iso.datetime();

export const agentSchema = z.object({
  agentId: z.string(),
  team: z.string().nullable(),
  skills: z.array(z.string()),
  languages: z.array(z.string()),
  regions: z.array(z.string()),
  status: z.enum(AGENT_STATUSES).describe('From the latest `agent.status_changed`; offline until one arrives'),
  statusAt: timestamp.nullable().describe('When that status took effect (the event’s time)'),
  profileByAdmin: z.boolean().describe('True once `PUT /v1/agents/:agentId` set the profile: status events no longer change it'),
});

export const agentPageSchema = z.object({
  items: z.array(agentSchema),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last'),
});

export const teamSchema = z.object({
  teamId: z.string(),
  name: z.string().nullable(),
  skills: z.array(z.string()),
  languages: z.array(z.string()),
  regions: z.array(z.string()),
});

export const rulesSchema = rulesRequest.extend({ updatedAt: timestamp.nullable().describe('Null while the tenant has set no rules: any agent may take any case') });

export const assignmentSchema = z.object({
  caseId: z.string(),
  state: z.enum(['waiting', 'offered', 'accepted']).describe('waiting for an eligible agent, offered to `agentId` until `acceptBy`, or accepted'),
  agentId: z.string().nullable(),
  offeredAt: timestamp.nullable(),
  acceptBy: timestamp.nullable().describe('When an unaccepted offer goes to another agent'),
  acceptedAt: timestamp.nullable(),
  lapsedBy: z.array(z.string()).describe('Agents who let an offer lapse: routing never offers them the case again (a supervisor may)'),
});

export type AgentResponse = z.output<typeof agentSchema>;
export type TeamResponse = z.output<typeof teamSchema>;
export type RulesResponse = z.output<typeof rulesSchema>;
export type AssignmentResponse = z.output<typeof assignmentSchema>;

export function toAgentResponse({ tenantId: _tenant, statusAt, skills, languages, regions, ...agent }: AgentRecord): AgentResponse {
  return { ...agent, skills: [...skills], languages: [...languages], regions: [...regions], statusAt: statusAt?.toISOString() ?? null };
}

export function toTeamResponse({ tenantId: _tenant, skills, languages, regions, ...team }: TeamRecord): TeamResponse {
  return { ...team, skills: [...skills], languages: [...languages], regions: [...regions] };
}

export function toRulesResponse({ rules, updatedAt }: RuleSet): RulesResponse {
  return { rules: rules as RulesResponse['rules'], updatedAt: updatedAt?.toISOString() ?? null };
}

export function toAssignmentResponse(assignment: StoredAssignment, acceptWithinMs: number): AssignmentResponse {
  const { caseId, state, agentId, offeredAt, acceptedAt, lapsedBy } = assignment;
  return {
    caseId,
    state,
    agentId,
    offeredAt: offeredAt?.toISOString() ?? null,
    acceptBy: state === 'offered' && offeredAt ? new Date(offeredAt.getTime() + acceptWithinMs).toISOString() : null,
    acceptedAt: acceptedAt?.toISOString() ?? null,
    lapsedBy: [...lapsedBy],
  };
}
