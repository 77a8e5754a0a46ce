import { IllegalIncidentTransition, ReviewRequired } from './incident-errors';
import { Incident, type IncidentSnapshot } from './incident';

const actor = { id: 'officer-1', kind: 'user' as const, roles: ['security'] };
const at = new Date('2026-11-30T10:00:00Z');

function incident(overrides: Partial<IncidentSnapshot> = {}): Incident {
  return new Incident({
    tenantId: 't1',
    id: 'inc-1',
    type: 'brute_force',
    severity: 'P3',
    state: 'open',
    summary: 's',
    dedupKey: 'brute_force:key:abc',
    openedAt: at,
    lastDetectedAt: at,
    detections: 1,
    review: null,
    escalationLevel: 0,
    plan: { id: 'plan-brute-force', version: '1' },
    ...overrides,
  });
}

describe('Incident', () => {
  it('moves one step forward at a time', () => {
    const move = incident().transition({ to: 'triaged', reason: 'looked', actor, at });
    expect(move).toMatchObject({ incidentId: 'inc-1', from: 'open', to: 'triaged', review: null });
  });

  it('refuses a skipped step, naming the allowed states', () => {
    const attempt = () => incident().transition({ to: 'resolved', reason: 'r', actor, at });
    expect(attempt).toThrow(IllegalIncidentTransition);
    expect(attempt).toThrow('allowed: triaged');
  });

  it('moves no more once closed', () => {
    expect(() => incident({ state: 'closed' }).transition({ to: 'open', reason: 'r', actor, at })).toThrow('none (closed)');
  });

  it('closes only with a complete post-incident review, naming what is missing', () => {
    const resolved = incident({ state: 'resolved' });
    const close = (review?: { summary: string; rootCause: string; actions: string[] }) => () => resolved.transition({ to: 'closed', reason: 'done', review, actor, at });
    expect(close()).toThrow(ReviewRequired);
    expect(close()).toThrow('missing: review');
    expect(close({ summary: 'leaked key', rootCause: ' ', actions: [] })).toThrow('missing: review.rootCause, review.actions');
    const review = { summary: 'leaked key', rootCause: 'test key in a public repo', actions: ['rotate', 'scan repos'] };
    expect(close(review)().review).toEqual(review);
  });

  it('keeps no review on a move other than closing', () => {
    expect(incident().transition({ to: 'triaged', reason: 'r', review: { summary: 's', rootCause: 'c', actions: ['a'] }, actor, at }).review).toBeNull();
  });

  it('absorbs detections within its window unless closed', () => {
    const later = (minutes: number) => new Date(at.getTime() + minutes * 60_000);
    expect(incident().absorbs(15, later(15))).toBe(true);
    expect(incident().absorbs(15, later(16))).toBe(false);
    expect(incident({ state: 'closed' }).absorbs(15, later(1))).toBe(false);
  });
});
