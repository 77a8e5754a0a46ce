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
