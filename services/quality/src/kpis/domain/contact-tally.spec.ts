import { milestoneOf, tallyDay, tallyIncrement, UNKNOWN_QUEUE } from './contact-tally';

describe('contact tally', () => {
  it('maps contact events to milestones and ignores the rest', () => {
    expect(milestoneOf('contact.abandoned')).toBe('abandoned');
    expect(milestoneOf('contact.transferred')).toBeUndefined();
  });
  it('tallies on the UTC day the contact happened', () => {
    expect(tallyDay('2026-11-25T23:30:00+08:00')).toBe('2026-11-25');
    expect(tallyDay('2026-11-26T01:30:00+08:00')).toBe('2026-11-25');
  });
  it('turns a contact event into the increment it makes, or none', () => {
    const at = { time: '2026-11-25T23:30:00+08:00', tenantid: 'acme' };
    expect(tallyIncrement({ ...at, type: 'contact.queued', data: { queue: 'billing' } })).toEqual({
      tenantId: 'acme',
      queue: 'billing',
      day: '2026-11-25',
      milestone: 'queued',
    });
    expect(tallyIncrement({ ...at, type: 'contact.answered', data: {} })?.queue).toBe(UNKNOWN_QUEUE);
    expect(tallyIncrement({ ...at, type: 'contact.transferred', data: { queue: 'billing' } })).toBeUndefined();
  });
});
