import { StepOwnerRequired, StepPrerequisitesOpen } from './incident-errors';
import { completeStep, escalates, type IncidentStep, mayComplete, stepDoneByMove, stepState, stepTimerKey } from './incident-steps';
import { RESPONSE_PLANS, scheduleSteps } from './response-plans';

const openedAt = new Date('2026-11-30T10:00:00Z');
const minutes = (n: number) => new Date(openedAt.getTime() + n * 60_000);
const officer = { id: 'officer-1', kind: 'user' as const, roles: ['security'] };
const supervisor = { id: 'sup-1', kind: 'user' as const, roles: ['supervisor'] };
const agent = { id: 'agent-1', kind: 'user' as const, roles: ['agent'] };

function step(overrides: Partial<IncidentStep> = {}): IncidentStep {
  return { id: 'contain', title: 'Contain', ownerRole: 'supervisor', dueAt: minutes(60), position: 2, lateAt: null, completedAt: null, completedBy: null, note: null, ...overrides };
}

describe('plan steps as live work', () => {
  it('schedules a standard-bound step by the tenant’s standard in force, the others by the plan', () => {
    const steps = scheduleSteps(RESPONSE_PLANS.pii_spoken_by_agent, 'P2', openedAt, (id) => ({ seconds: 2, standardId: id, standardVersion: 'acme:3@1' }));
    const report = steps.find(({ id }) => id === 'report');
    expect(report).toMatchObject({ dueAt: new Date(openedAt.getTime() + 2_000), standard: { standardId: 'personal-data-leak-report', standardVersion: 'acme:3@1' } });
    expect(steps.find(({ id }) => id === 'contain')).toMatchObject({ dueAt: minutes(4 * 60) });
    expect(steps.find(({ id }) => id === 'contain')).not.toHaveProperty('standard');
  });

  it('is pending, late once escalated, and done when completed (late or not)', () => {
    expect(stepState(step())).toBe('pending');
    expect(stepState(step({ lateAt: minutes(61) }))).toBe('late');
    expect(stepState(step({ lateAt: minutes(61), completedAt: minutes(70) }))).toBe('done');
  });

  it('is completed by its owner role or security, no one else', () => {
    expect(mayComplete('supervisor', supervisor.roles)).toBe(true);
    expect(mayComplete('supervisor', officer.roles)).toBe(true);
    expect(() => completeStep(step(), agent, minutes(10))).toThrow(StepOwnerRequired);
  });

  it('records whether it was completed after its deadline, and completing it again changes nothing', () => {
    expect(completeStep(step(), supervisor, minutes(10))).toEqual({ kind: 'completed', stepId: 'contain', late: false, at: minutes(10) });
    expect(completeStep(step(), supervisor, minutes(61))).toMatchObject({ kind: 'completed', late: true });
    expect(completeStep(step({ lateAt: minutes(60) }), supervisor, minutes(59))).toMatchObject({ late: true });
    expect(completeStep(step({ completedAt: minutes(5) }), officer, minutes(10))).toEqual({ kind: 'already_done', stepId: 'contain' });
  });

  it('is completed only after the steps it follows are done, naming those still open', () => {
    const follows = step({ after: ['triage', 'notify'] });
    const triage = step({ id: 'triage', completedAt: minutes(5) });
    const notify = step({ id: 'notify' });
    expect(() => completeStep(follows, officer, minutes(10), [triage, notify, follows])).toThrow(new StepPrerequisitesOpen('contain', ['notify']));
    expect(completeStep(follows, officer, minutes(10), [triage, { ...notify, completedAt: minutes(6) }, follows])).toMatchObject({ kind: 'completed' });
    // Done already: a retry is harmless whatever the others' state.
    expect(completeStep({ ...follows, completedAt: minutes(5) }, officer, minutes(10), [follows])).toEqual({ kind: 'already_done', stepId: 'contain' });
  });

  it('escalates at its deadline only while undone and the incident is not closed', () => {
    expect(escalates(step(), 'triaged')).toBe(true);
    expect(escalates(step({ completedAt: minutes(5) }), 'triaged')).toBe(false);
    expect(escalates(step({ lateAt: minutes(60) }), 'triaged')).toBe(false);
    expect(escalates(step(), 'closed')).toBe(false);
  });

  it('names the step a move accomplishes, and one timer per incident and step', () => {
    expect([stepDoneByMove('triaged'), stepDoneByMove('contained'), stepDoneByMove('resolved'), stepDoneByMove('closed')]).toEqual(['triage', 'contain', undefined, 'review']);
    expect(stepTimerKey('inc-1', 'report')).toBe('inc-1/report');
  });
});
