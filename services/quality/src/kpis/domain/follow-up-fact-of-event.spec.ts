import { newCloudEvent } from '@hotline/contracts';
import { type FollowUpEvent, followUpFactOf } from './follow-up-fact-of-event';

const time = '2026-11-27T10:00:00Z';
const event = (type: string, data: object): FollowUpEvent =>
  newCloudEvent({ type: type as never, source: '/test', tenantId: 'acme', id: 'e1', time, data: data as never }) as FollowUpEvent;
const clock = (slaKind: string, subjectType = 'case') => ({
  subjectType,
  subjectId: 'CASE-1',
  slaKind,
  startedAt: time,
  deadline: time,
  standardId: 'follow-up-call',
  standardVersion: 'acme:2@1',
});

describe('the fact an event states about a case follow-up', () => {
  it("reads a follow-up clock's stop, breach and withdrawn breach", () => {
    expect(followUpFactOf(event('sla.stopped', { ...clock('follow_up'), outcome: 'met', stoppedAt: time }))).toEqual({
      tenantId: 'acme',
      caseId: 'CASE-1',
      fact: { kind: 'verdict', type: 'sla.stopped', eventId: 'e1', startedAt: Date.parse(time), standardVersion: 'acme:2@1', outcome: 'met' },
    });
    expect(followUpFactOf(event('sla.breached', clock('follow_up')))?.fact).toMatchObject({ type: 'sla.breached' });
    expect(followUpFactOf(event('sla.withdrawn', { ...clock('follow_up'), withdraws: 'sla.breached', reason: 'in time' }))?.fact).toMatchObject({ type: 'sla.withdrawn' });
  });

  it('ignores other clocks and a withdrawn warning', () => {
    expect(followUpFactOf(event('sla.stopped', { ...clock('resolution'), outcome: 'met', stoppedAt: time }))).toBeUndefined();
    expect(followUpFactOf(event('sla.breached', clock('answer', 'contact')))).toBeUndefined();
    expect(followUpFactOf(event('sla.withdrawn', { ...clock('follow_up'), withdraws: 'sla.warned', reason: 'in time' }))).toBeUndefined();
  });

  it('reads an assignment naming an agent or a queue, and nothing of one naming neither', () => {
    expect(followUpFactOf(event('case.assigned', { caseId: 'CASE-1', agentId: 'a7', assignedAt: time }))?.fact).toEqual({ kind: 'assigned', eventId: 'e1', at: Date.parse(time), agentId: 'a7' });
    expect(followUpFactOf(event('case.assigned', { caseId: 'CASE-1', assignedAt: time }))).toBeUndefined();
  });
});
