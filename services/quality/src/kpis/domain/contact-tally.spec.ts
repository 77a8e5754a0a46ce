import { milestoneOf, tallyDay } from './contact-tally';

describe('contact tally', () => {
  it('maps contact events to milestones and ignores the rest', () => {
    expect(milestoneOf('contact.abandoned')).toBe('abandoned');
    expect(milestoneOf('contact.transferred')).toBeUndefined();
  });
  it('tallies on the UTC day the contact happened', () => {
    expect(tallyDay('2026-11-25T23:30:00+08:00')).toBe('2026-11-25');
    expect(tallyDay('2026-11-26T01:30:00+08:00')).toBe('2026-11-25');
  });
});
