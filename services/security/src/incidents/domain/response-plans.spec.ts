import { INCIDENT_TYPES } from './incident-state';
import { RESPONSE_PLANS, scheduleSteps } from './response-plans';

describe('response plans', () => {
  it('has a plan for every incident type, each with a containment step and a review last', () => {
    for (const type of INCIDENT_TYPES) {
      const ids = RESPONSE_PLANS[type].steps.map(({ id }) => id);
      expect(RESPONSE_PLANS[type].type).toBe(type);
      expect(ids).toContain('contain');
      expect(ids.at(-1)).toBe('review');
    }
  });

  it('contains a P1 within an hour and reports a personal-data leak within 72 h', () => {
    const openedAt = new Date('2026-11-30T10:00:00Z');
    const steps = scheduleSteps(RESPONSE_PLANS.pii_spoken_by_agent, 'P1', openedAt);
    expect(steps.find(({ id }) => id === 'contain')?.dueAt.toISOString()).toBe('2026-11-30T11:00:00.000Z');
    expect(steps.find(({ id }) => id === 'report')?.dueAt.toISOString()).toBe('2026-12-03T10:00:00.000Z');
  });

  it('gives a lower severity more time to contain', () => {
    const openedAt = new Date('2026-11-30T10:00:00Z');
    const contain = (severity: 'P1' | 'P4') => scheduleSteps(RESPONSE_PLANS.brute_force, severity, openedAt).find(({ id }) => id === 'contain')?.dueAt.getTime() ?? Number.NaN;
    expect(contain('P4')).toBeGreaterThan(contain('P1'));
  });
});
