import { accept, type CaseAssignment, lapses, NotYourAssignment } from './case-assignment';

const offered = (): CaseAssignment => ({ tenantId: 'acme', caseId: 'C-1', requirement: {}, state: 'offered', agentId: 'a', offeredAt: new Date() });

describe('case assignment', () => {
  it('is accepted by the agent it is offered to, once; a retry changes nothing', () => {
    const assignment = offered();
    expect(accept(assignment, 'a')).toBe(true);
    expect(assignment.state).toBe('accepted');
    expect(accept(assignment, 'a')).toBe(false);
  });

  it('refuses an accept by anyone else, or of a waiting case', () => {
    expect(() => accept(offered(), 'b')).toThrow(NotYourAssignment);
    expect(() => accept({ ...offered(), state: 'waiting', agentId: null }, 'a')).toThrow('offered to nobody');
  });

  it('lapses only while still offered to the agent the timer was set for', () => {
    expect(lapses(offered(), 'a')).toBe(true);
    expect(lapses(offered(), 'b')).toBe(false);
    expect(lapses({ ...offered(), state: 'accepted' }, 'a')).toBe(false);
  });
});
