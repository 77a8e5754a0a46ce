import { accept, type CaseAssignment, lapse, NotYourAssignment } from './case-assignment';

const offered = (): CaseAssignment => ({ tenantId: 'acme', caseId: 'C-1', requirement: {}, state: 'offered', agentId: 'a', offeredAt: new Date(), lapsedBy: [] });

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

  it('lapses only while still offered to the agent the timer was set for, remembering who let it lapse', () => {
    const assignment = { ...offered(), lapsedBy: ['z'] };
    expect(lapse(assignment, 'a')).toBe(true);
    expect(assignment.lapsedBy).toEqual(['z', 'a']);
    expect(lapse(offered(), 'b')).toBe(false);
    const accepted = { ...offered(), state: 'accepted' as const };
    expect(lapse(accepted, 'a')).toBe(false);
    expect(accepted.lapsedBy).toEqual([]);
  });
});
