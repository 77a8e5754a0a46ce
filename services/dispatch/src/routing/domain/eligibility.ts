import type { AgentStatus } from './agent-status';
import type { Requirement } from './routing-rules';

/** What routing knows of an agent: its own profile, its team's, and its latest status. */
export interface RoutableAgent {
  agentId: string;
  team: string | null;
  skills: readonly string[];
  languages: readonly string[];
  regions: readonly string[];
  status: AgentStatus;
  /** When the status took effect (the event's time); null while no status was ever reported. */
  statusAt: Date | null;
}

/** A team's profile: its members have its skills, languages and regions as well as their own. */
export interface TeamProfile {
  teamId: string;
  skills: readonly string[];
  languages: readonly string[];
  regions: readonly string[];
}

/**
 * Whether the agent may take a case with this requirement: in the required team, and with every
 * required skill and language and the required region, counting its team's profile as its own.
 * Availability is separate (`isAvailable`): a supervisor may assign an eligible agent who is busy.
 */
export function isEligible(agent: RoutableAgent, team: TeamProfile | undefined, requirement: Requirement): boolean {
  if (requirement.team !== undefined && agent.team !== requirement.team) return false;
  const has = (own: readonly string[], teams: readonly string[] | undefined, wanted: readonly string[] | undefined) =>
    (wanted ?? []).every((value) => own.includes(value) || (teams ?? []).includes(value));
  return (
    has(agent.skills, team?.skills, requirement.skills) &&
    has(agent.languages, team?.languages, requirement.languages) &&
    has(agent.regions, team?.regions, requirement.region === undefined ? undefined : [requirement.region])
  );
}

export function isAvailable(agent: RoutableAgent): boolean {
  return agent.status === 'available';
}
