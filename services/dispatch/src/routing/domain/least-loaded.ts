import { isAvailable, isEligible, type RoutableAgent, type TeamProfile } from './eligibility';
import type { Requirement } from './routing-rules';

export interface Candidates {
  agents: readonly RoutableAgent[];
  teams: ReadonlyMap<string, TeamProfile>;
  /** Open cases assigned to each agent; an agent absent here has none. */
  loads: ReadonlyMap<string, number>;
}

/**
 * The agent a case goes to: among the available agents eligible for the requirement (never one
 * in `excluded`, e.g. the agent who let the assignment lapse), the one with the fewest open cases;
 * ties go to the one available longest, then to the smaller agent id, so the choice is
 * deterministic. Undefined when nobody qualifies: the case waits.
 */
export function chooseAgent({ agents, teams, loads }: Candidates, requirement: Requirement, excluded: readonly string[] = []): string | undefined {
  const eligible = agents.filter(
    (agent) => isAvailable(agent) && !excluded.includes(agent.agentId) && isEligible(agent, agent.team === null ? undefined : teams.get(agent.team), requirement),
  );
  const since = (agent: RoutableAgent) => agent.statusAt?.getTime() ?? 0;
  const load = (agent: RoutableAgent) => loads.get(agent.agentId) ?? 0;
  const [chosen] = [...eligible].sort((a, b) => load(a) - load(b) || since(a) - since(b) || (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0));
  return chosen?.agentId;
}
