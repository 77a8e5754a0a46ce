import { newCloudEvent } from '@hotline/contracts';
import { contactFactOf, type KpiEvent } from './contact-fact-of-event';

const time = '2026-11-25T09:30:00+08:00';
const at = Date.parse(time);
const event = (type: string, data: object): KpiEvent =>
  newCloudEvent({ type: type as never, source: '/test', tenantId: 'acme', id: 'e1', time, data: data as never }) as KpiEvent;
const sla = { subjectType: 'contact', subjectId: 'c1', slaKind: 'answer', startedAt: time, deadline: time, standardId: 'answer-time', standardVersion: '1' };

describe('the fact an event states about a contact', () => {
  it('reads waits and handle times as whole milliseconds, the platform total first', () => {
    expect(contactFactOf(event('contact.answered', { contactId: 'c1', agentId: 'a7', waitSeconds: 12.3456 }))).toEqual({
      tenantId: 'acme',
      contactId: 'c1',
      fact: { kind: 'answered', at, eventId: 'e1', agentId: 'a7', waitMs: 12_346 },
    });
    const ended = (data: object) => contactFactOf(event('contact.ended', { contactId: 'c1', ...data }))?.fact;
    expect(ended({ handleSeconds: 100, talkSeconds: 1 })).toMatchObject({ handleMs: 100_000 });
    expect(ended({ talkSeconds: 60, holdSeconds: 15, afterContactWorkSeconds: 5 })).toMatchObject({ handleMs: 80_000, afterContactWorkMs: 5_000 });
    expect(ended({})).toEqual({ kind: 'ended', at, eventId: 'e1' });
  });

  it('keeps talk and hold without after-contact work apart, for the completion to add its work to', () => {
    const ended = (data: object) => contactFactOf(event('contact.ended', { contactId: 'c1', ...data }))?.fact;
    expect(ended({ talkSeconds: 60, holdSeconds: 15 })).toEqual({ kind: 'ended', at, eventId: 'e1', talkHoldMs: 75_000 });
    expect(contactFactOf(event('contact.completed', { contactId: 'c1', agentId: 'a7', queue: 'billing', afterContactWorkSeconds: 30.5, completedReason: 'done' }))).toEqual({
      tenantId: 'acme',
      contactId: 'c1',
      fact: { kind: 'completed', at, eventId: 'e1', agentId: 'a7', queue: 'billing', afterContactWorkMs: 30_500 },
    });
    expect(contactFactOf(event('contact.completed', { contactId: 'c1' }))?.fact).toEqual({ kind: 'completed', at, eventId: 'e1' });
  });

  it('takes surveys, complaints and answer-deadline verdicts that name a contact, and nothing else', () => {
    expect(contactFactOf(event('survey.completed', { contactId: 'c1', score: 4 }))?.fact).toEqual({ kind: 'surveyed', at, eventId: 'e1', score: 4 });
    expect(contactFactOf(event('survey.completed', { caseId: 'K', score: 4 }))).toBeUndefined();
    expect(contactFactOf(event('complaint.filed', { complaintId: 'K1', category: 'x', description: 'y', contactId: 'c1' }))?.fact).toEqual({ kind: 'complained', complaintId: 'K1' });
    expect(contactFactOf(event('complaint.filed', { complaintId: 'K1', category: 'x', description: 'y' }))).toBeUndefined();
    expect(contactFactOf(event('sla.breached', { ...sla, causedByOutage: true }))?.fact).toEqual({ kind: 'breached', at, eventId: 'e1', causedByOutage: true });
    expect(contactFactOf(event('sla.breached', { ...sla, subjectType: 'case' }))).toBeUndefined();
    expect(contactFactOf(event('sla.withdrawn', { ...sla, withdraws: 'sla.breached', reason: 'in time' }))?.fact).toEqual({ kind: 'breach-withdrawn' });
    expect(contactFactOf(event('sla.withdrawn', { ...sla, withdraws: 'sla.warned', reason: 'in time' }))).toBeUndefined();
  });
});
