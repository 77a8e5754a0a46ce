import type { RoutableAgent, TeamProfile } from './eligibility';
import { chooseAgent } from './least-loaded';

const agent = (agentId: string, over: Partial<RoutableAgent> = {}): RoutableAgent => ({
  agentId,
  team: null,
  skills: [],
  languages: [],
  regions: [],
  status: 'available',
  statusAt: new Date('2026-01-01T08:00:00Z'),
  ...over,
});
const noc: TeamProfile = { teamId: 'noc', skills: ['fibre'], languages: ['zh'], regions: ['haidian'] };
const teams = new Map([['noc', noc]]);

describe('chooseAgent', () => {
  it('picks the eligible available agent with the fewest open cases', () => {
    const agents = [agent('a'), agent('b'), agent('c')];
    expect(chooseAgent({ agents, teams, loads: new Map([['a', 2], ['b', 1], ['c', 3]]) }, {})).toBe('b');
  });

  it('never picks an unavailable agent, however idle', () => {
    const agents = [agent('a', { status: 'busy' }), agent('b', { status: 'offline' }), agent('c')];
    expect(chooseAgent({ agents, teams, loads: new Map([['c', 9]]) }, {})).toBe('c');
    expect(chooseAgent({ agents: agents.slice(0, 2), teams, loads: new Map() }, {})).toBeUndefined();
  });

  it('never picks an ineligible agent: wrong team, a missing skill, language or region', () => {
    const requirement = { team: 'noc', skills: ['fibre', 'radio'], languages: ['en'], region: 'haidian' };
    const agents = [
      agent('other-team', { team: 'east', skills: ['fibre', 'radio'], languages: ['en'], regions: ['haidian'] }),
      agent('no-radio', { team: 'noc', languages: ['en'] }),
      agent('no-english', { team: 'noc', skills: ['radio'] }),
      agent('fit', { team: 'noc', skills: ['radio'], languages: ['en'] }),
    ];
    // fit has radio and English of its own, fibre and haidian from its team; it has the most cases and still wins.
    expect(chooseAgent({ agents, teams, loads: new Map([['fit', 5]]) }, requirement)).toBe('fit');
    expect(chooseAgent({ agents, teams, loads: new Map() }, { ...requirement, region: 'chaoyang' })).toBeUndefined();
  });

  it('skips the excluded agents', () => {
    expect(chooseAgent({ agents: [agent('a'), agent('b')], teams, loads: new Map([['b', 4]]) }, {}, ['a'])).toBe('b');
  });

  it('breaks ties by who has been available longest, then by agent id', () => {
    const early = new Date('2026-01-01T07:00:00Z');
    expect(chooseAgent({ agents: [agent('a'), agent('b', { statusAt: early })], teams, loads: new Map() }, {})).toBe('b');
    expect(chooseAgent({ agents: [agent('b'), agent('a')], teams, loads: new Map() }, {})).toBe('a');
  });
});
