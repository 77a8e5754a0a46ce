import type { RoutableAgent } from './eligibility';

/** An agent's availability as the platform reports it (`agent.status_changed`). */
export const AGENT_STATUSES = ['available', 'busy', 'away', 'offline'] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];

/** One reported status: who, what, when it happened (the event's time), and what the report said of the agent. */
export interface StatusReport {
  tenantId: string;
  agentId: string;
  status: AgentStatus;
  at: Date;
  team?: string;
  skills?: readonly string[];
  languages?: readonly string[];
}

/**
 * The newest report per agent of a batch, in first-seen order: a statement can upsert an agent
 * once only, and an older report must never overwrite a newer one (reordering is normal). Equal
 * times keep the first seen, as the store keeps what it has for an equal time.
 */
export function newestPerAgent(reports: readonly StatusReport[]): StatusReport[] {
  const newest = new Map<string, StatusReport>();
  for (const report of reports) {
    const key = JSON.stringify([report.tenantId, report.agentId]);
    const held = newest.get(key);
    if (!held || report.at.getTime() > held.at.getTime()) newest.set(key, report);
  }
  return [...newest.values()];
}

/** An agent as routing keeps it: routable, plus whether the admin API owns its profile. */
export interface AgentRecord extends RoutableAgent {
  tenantId: string;
  /** Set by `PUT /v1/agents/:agentId`: from then on status reports change the status only. */
  profileByAdmin: boolean;
}

/**
 * The agent after a status report, or undefined when the report changes nothing: it is not newer
 * than the status held. A report creates an agent it is the first word of; it fills in the
 * profile fields it carries unless the admin API owns the profile.
 */
export function applyReport(held: AgentRecord | undefined, report: StatusReport): AgentRecord | undefined {
  if (held?.statusAt && held.statusAt.getTime() >= report.at.getTime()) return undefined;
  const base: AgentRecord = held ?? { tenantId: report.tenantId, agentId: report.agentId, team: null, skills: [], languages: [], regions: [], status: 'offline', statusAt: null, profileByAdmin: false };
  const profile = base.profileByAdmin
    ? {}
    : {
        ...(report.team === undefined ? {} : { team: report.team }),
        ...(report.skills === undefined ? {} : { skills: report.skills }),
        ...(report.languages === undefined ? {} : { languages: report.languages }),
      };
  return { ...base, ...profile, status: report.status, statusAt: report.at };
}
