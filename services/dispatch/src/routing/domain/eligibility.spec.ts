import { isEligible, type RoutableAgent, type TeamProfile } from './eligibility';

const agent: RoutableAgent = { agentId: 'a', team: 'noc', skills: ['radio'], languages: ['zh'], regions: [], status: 'busy', statusAt: null };
const noc: TeamProfile = { teamId: 'noc', skills: ['fibre'], languages: [], regions: ['haidian'] };

describe('isEligible', () => {
  it('lets anyone take a case with no requirement, whatever their status (availability is separate)', () => {
    expect(isEligible({ ...agent, team: null, skills: [], languages: [] }, undefined, {})).toBe(true);
  });

  it("counts the team's skills, languages and regions as the agent's own", () => {
    expect(isEligible(agent, noc, { skills: ['fibre', 'radio'], languages: ['zh'], region: 'haidian' })).toBe(true);
    expect(isEligible(agent, undefined, { skills: ['fibre'] })).toBe(false);
    expect(isEligible(agent, undefined, { region: 'haidian' })).toBe(false);
  });

  it('needs every required value and the required team', () => {
    expect(isEligible(agent, noc, { languages: ['zh', 'en'] })).toBe(false);
    expect(isEligible(agent, noc, { team: 'east' })).toBe(false);
    expect(isEligible({ ...agent, team: null }, undefined, { team: 'noc' })).toBe(false);
  });
});
