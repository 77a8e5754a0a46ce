import { defaultChain } from './escalation-chain';
import { acknowledge, breachKey, type Escalation, escalateOnBreach, escalateOnDemand, escalateOnTimeout, stopOnWithdrawal } from './escalation';
import { EscalationRefused } from './escalation-errors';

const at = new Date('2026-03-01T08:00:00Z');
const later = (seconds: number) => new Date(at.getTime() + seconds * 1000);
const chain = defaultChain('network-fault-response');
const start = { tenantId: 'acme', caseId: 'K-1', policyId: chain.policyId, steps: chain.steps };
const standard = { standardId: 'network-fault-response', standardVersion: '1' };
const breach = { key: breachKey('network-fault-response', 'response', '2026-03-01T07:59:59Z'), standard, late: false, causedByOutage: false };
const fresh = { stage: 'handling' as const, escalationLevel: 0 };

describe('escalation chain decisions', () => {
  it('pages level 1 on a live breach and sets the team lead’s wait before the supervisor', () => {
    const outcome = escalateOnBreach(fresh, undefined, start, breach, at);
    expect(outcome?.raisedTo).toEqual({ level: 1, reason: 'network-fault-response breached' });
    expect(outcome?.escalation).toMatchObject({ level: 1, state: 'paging', nextAt: later(600), breachKey: breach.key, standard });
  });

  it('records a late breach at level 1, marked late, and pages no further level', () => {
    const outcome = escalateOnBreach(fresh, undefined, start, { ...breach, late: true }, at);
    expect(outcome?.raisedTo).toMatchObject({ level: 1, late: true });
    expect(outcome?.escalation).toMatchObject({ state: 'stopped', nextAt: null });
  });

  it('escalates nothing for a breach caused by a declared outage: its parent case carries the escalation', () => {
    expect(escalateOnBreach(fresh, undefined, start, { ...breach, causedByOutage: true }, at)).toBeUndefined();
  });

  it('ignores a breach while a level is paging, and one of a settled case', () => {
    const paging = escalateOnBreach(fresh, undefined, start, breach, at)?.escalation;
    expect(escalateOnBreach({ stage: 'handling', escalationLevel: 1 }, paging, start, { ...breach, key: 'other' }, at)).toBeUndefined();
    expect(escalateOnBreach({ stage: 'closed', escalationLevel: 0 }, undefined, start, breach, at)).toBeUndefined();
  });

  it('climbs level by level on each timeout to the top, where it waits for an acknowledgement', () => {
    let escalation = escalateOnBreach(fresh, undefined, start, breach, at)?.escalation as Escalation;
    const two = escalateOnTimeout({ stage: 'handling', escalationLevel: 1 }, escalation, 1, later(600));
    expect(two?.raisedTo).toEqual({ level: 2, reason: 'not acknowledged within 600 s at team_lead' });
    escalation = two?.escalation as Escalation;
    expect(escalation.nextAt).toEqual(later(600 + 1200));
    const three = escalateOnTimeout({ stage: 'handling', escalationLevel: 2 }, escalation, 2, later(1800));
    expect(three?.escalation).toMatchObject({ level: 3, state: 'paging', nextAt: null });
    expect(escalateOnTimeout({ stage: 'handling', escalationLevel: 3 }, three?.escalation, 3, later(9000))).toBeUndefined();
  });

  it('stops at a timeout once the case is resolved, and ignores a stale timer', () => {
    const escalation = escalateOnBreach(fresh, undefined, start, breach, at)?.escalation;
    expect(escalateOnTimeout({ stage: 'follow_up', escalationLevel: 1 }, escalation, 1, later(600))).toEqual({
      escalation: expect.objectContaining({ state: 'stopped', note: 'case follow_up', level: 1 }),
    });
    expect(escalateOnTimeout({ stage: 'handling', escalationLevel: 1 }, escalation, 2, later(600))).toBeUndefined();
  });

  it('stops the climb on acknowledgement (twice is once) and on withdrawal of its breach only', () => {
    const escalation = escalateOnBreach(fresh, undefined, start, breach, at)?.escalation;
    const acked = acknowledge(escalation, 'K-1', 'lead-1', later(5));
    expect(acked).toMatchObject({ state: 'acknowledged', note: 'acknowledged by lead-1', nextAt: null });
    expect(acknowledge(acked, 'K-1', 'lead-1', later(6))).toBeUndefined();
    expect(() => acknowledge(undefined, 'K-1', 'lead-1', at)).toThrow(EscalationRefused);
    expect(stopOnWithdrawal(escalation, 'another breach', at)).toBeUndefined();
    expect(stopOnWithdrawal(escalation, breach.key, at)).toMatchObject({ state: 'stopped', note: 'breach withdrawn' });
  });

  it('raises one level on demand and refuses at the top or for a settled case', () => {
    const onDemand = { ...start, standard };
    expect(escalateOnDemand(fresh, undefined, onDemand, 'customer is a hospital', at)).toMatchObject({ raisedTo: { level: 1, reason: 'customer is a hospital' }, escalation: { state: 'paging', breachKey: null } });
    expect(() => escalateOnDemand({ stage: 'handling', escalationLevel: 3 }, undefined, onDemand, 'more', at)).toThrow(/top of its chain/);
    // Raised by a person during a breach's climb: the breach's withdrawal no longer stops it.
    const climbing = escalateOnBreach(fresh, undefined, start, breach, at)?.escalation;
    const raised = escalateOnDemand({ stage: 'handling', escalationLevel: 1 }, climbing, onDemand, 'customer is a hospital', later(60)).escalation;
    expect(raised).toMatchObject({ level: 2, state: 'paging', standard, nextAt: later(60 + 1200) });
    expect(stopOnWithdrawal(raised, breach.key, later(61))).toBeUndefined();
    expect(() => escalateOnDemand({ stage: 'cancelled', escalationLevel: 0 }, undefined, onDemand, 'more', at)).toThrow(/cancelled/);
  });

  it('names a breach the same however it is re-sent', () => {
    expect(breachKey('answer-time', 'answer', '2026-03-01T08:00:00.000Z')).toBe(breachKey('answer-time', 'answer', '2026-03-01T08:00:00Z'));
  });
});
