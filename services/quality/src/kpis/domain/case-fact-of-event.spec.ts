import { newCloudEvent } from '@hotline/contracts';
import { type CaseEvent, caseFactOf } from './case-fact-of-event';

const time = '2026-11-27T10:00:00Z';
const event = (type: string, data: object): CaseEvent =>
  newCloudEvent({ type: type as never, source: '/test', tenantId: 'acme', id: 'e1', time, data: data as never }) as CaseEvent;
const clock = (slaKind: string, subjectType = 'case') => ({
  subjectType,
  subjectId: 'CASE-1',
  slaKind,
  startedAt: time,
  deadline: time,
  standardId: 'follow-up-call',
  standardVersion: 'acme:2@1',
});

describe('the fact an event states about a case deadline', () => {
  it("reads a follow-up clock's stop, breach and withdrawn breach", () => {
    expect(caseFactOf(event('sla.stopped', { ...clock('follow_up'), outcome: 'met', stoppedAt: time }))).toEqual({
      tenantId: 'acme',
      caseId: 'CASE-1',
      fact: { kind: 'verdict', type: 'sla.stopped', slaKind: 'follow_up', eventId: 'e1', startedAt: Date.parse(time), standardVersion: 'acme:2@1', outcome: 'met' },
    });
    expect(caseFactOf(event('sla.breached', clock('follow_up')))?.fact).toMatchObject({ type: 'sla.breached' });
    expect(caseFactOf(event('sla.withdrawn', { ...clock('follow_up'), withdraws: 'sla.breached', reason: 'in time' }))?.fact).toMatchObject({ type: 'sla.withdrawn' });
  });

  it("reads every case clock's kind, and whether an outage caused it", () => {
    expect(caseFactOf(event('sla.stopped', { ...clock('resolution'), outcome: 'met', stoppedAt: time }))?.fact).toMatchObject({ slaKind: 'resolution' });
    expect(caseFactOf(event('sla.breached', { ...clock('repair'), causedByOutage: true }))?.fact).toMatchObject({ slaKind: 'repair', causedByOutage: true });
    expect(caseFactOf(event('sla.breached', { ...clock('response'), causedByOutage: false }))?.fact).not.toHaveProperty('causedByOutage');
  });

  it("ignores contacts' answers, other subjects and a withdrawn warning", () => {
    expect(caseFactOf(event('sla.stopped', { ...clock('complaint_reply', 'complaint'), outcome: 'met', stoppedAt: time }))).toBeUndefined();
    expect(caseFactOf(event('sla.breached', clock('answer', 'contact')))).toBeUndefined();
    expect(caseFactOf(event('sla.withdrawn', { ...clock('follow_up'), withdraws: 'sla.warned', reason: 'in time' }))).toBeUndefined();
  });

  it('reads an assignment naming an agent or a queue, and nothing of one naming neither', () => {
    expect(caseFactOf(event('case.assigned', { caseId: 'CASE-1', agentId: 'a7', assignedAt: time }))?.fact).toEqual({ kind: 'assigned', eventId: 'e1', at: Date.parse(time), agentId: 'a7' });
    expect(caseFactOf(event('case.assigned', { caseId: 'CASE-1', assignedAt: time }))).toBeUndefined();
  });
});
