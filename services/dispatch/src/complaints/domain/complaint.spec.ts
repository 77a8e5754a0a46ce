import type { CaseActor } from '../../cases/domain/service-case';
import { Complaint, complaintState, type ComplaintStatus, filedComplaint } from './complaint';
import { complaintAudit } from './complaint-audit';
import { ComplaintConflict } from './complaint-errors';

const agent: CaseActor = { id: 'agent-7', kind: 'user', roles: ['agent'] };
const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 9, minute));
const filed = filedComplaint('acme', 'K-1', 'complaint:K-1');
const step = (minute: number) => ({ actor: agent, at: at(minute) });

/** The conflict an update throws, for asserting its code. */
function conflictOf(update: () => unknown): ComplaintConflict {
  try {
    update();
  } catch (error) {
    if (error instanceof ComplaintConflict) return error;
    throw error;
  }
  throw new Error('expected a ComplaintConflict');
}

describe('a complaint', () => {
  it('is acknowledged once, signalling the acknowledgement to its clocks', () => {
    const change = Complaint.acknowledge(filed, { ...step(1), note: 'Owner: agent 7', channel: 'phone' });
    expect(change).toMatchObject({ before: 'filed', signals: ['complaint_acknowledged'], entry: { kind: 'acknowledgement', note: 'Owner: agent 7', channel: 'phone', at: at(1) } });
    expect(complaintState(change.after)).toBe('acknowledged');
    expect(conflictOf(() => Complaint.acknowledge(change.after, { ...step(2), note: null, channel: null })).code).toBe('already-acknowledged');
  });

  it('pauses on the customer for an outbound message awaiting them, and resumes on their reply only', () => {
    const asked = Complaint.communicate(filed, { ...step(1), direction: 'outbound', channel: 'sms', summary: 'Asked for the bill', awaitingCustomer: true });
    expect(asked.signals).toEqual(['waiting_on_customer']);
    expect(asked.after.awaitingCustomer).toBe(true);
    // Asking again while already waiting signals nothing new.
    expect(Complaint.communicate(asked.after, { ...step(2), direction: 'outbound', channel: 'sms', summary: 'Reminder', awaitingCustomer: true }).signals).toEqual([]);
    const replied = Complaint.communicate(asked.after, { ...step(3), direction: 'inbound', channel: 'email', summary: 'Sent the bill', awaitingCustomer: false });
    expect(replied.signals).toEqual(['customer_replied']);
    expect(replied.after.awaitingCustomer).toBe(false);
    // An inbound message nobody waited for is logged without a signal.
    expect(Complaint.communicate(replied.after, { ...step(4), direction: 'inbound', channel: 'phone', summary: 'Called again', awaitingCustomer: false }).signals).toEqual([]);
    expect(Complaint.communicate(filed, { ...step(5), direction: 'outbound', channel: 'phone', summary: 'Informed', awaitingCustomer: false })).toMatchObject({ signals: [], after: filed });
  });

  it('resolves only while its case is in handling, naming the stage when not', () => {
    const refused = conflictOf(() => Complaint.resolve(filed, { ...step(1), resolution: 'Refunded', stage: 'acceptance' }));
    expect(refused).toMatchObject({ code: 'cannot-resolve', stage: 'acceptance' });
    expect(refused.message).toContain('its case is at acceptance');
    const resolved = Complaint.resolve(filed, { ...step(2), resolution: 'Refunded', stage: 'handling' });
    expect(resolved.after.resolvedAt).toEqual(at(2));
    expect(complaintState(resolved.after)).toBe('resolved');
  });

  it('takes feedback once per resolution, and none before a resolution', () => {
    expect(conflictOf(() => Complaint.giveFeedback(filed, { ...step(1), satisfied: true, comment: null })).code).toBe('not-resolved');
    const resolved = Complaint.resolve(filed, { ...step(2), resolution: 'Refunded', stage: 'handling' }).after;
    const feedback = Complaint.giveFeedback(resolved, { ...step(3), satisfied: false, comment: 'Too slow' });
    expect(feedback.entry).toMatchObject({ kind: 'feedback', satisfied: false, comment: 'Too slow' });
    expect(conflictOf(() => Complaint.giveFeedback(feedback.after, { ...step(4), satisfied: true, comment: null })).code).toBe('feedback-given');
    // Reopened and resolved again: feedback on the new resolution is welcome.
    const again = Complaint.resolve(feedback.after, { ...step(5), resolution: 'Refunded twice', stage: 'handling' }).after;
    expect(Complaint.giveFeedback(again, { ...step(6), satisfied: true, comment: null }).after.feedbackAt).toEqual(at(6));
  });

  it.each(['closed', 'cancelled'] as const)('archives once its case is %s, and then refuses every update', (stage) => {
    const archived = Complaint.archive(filed, { ...step(1), stage }).after;
    expect(complaintState(archived)).toBe('archived');
    const updates: (() => unknown)[] = [
      () => Complaint.acknowledge(archived, { ...step(2), note: null, channel: null }),
      () => Complaint.communicate(archived, { ...step(2), direction: 'inbound', channel: 'phone', summary: 'x', awaitingCustomer: false }),
      () => Complaint.resolve(archived, { ...step(2), resolution: 'x', stage: 'handling' }),
      () => Complaint.giveFeedback({ ...archived, resolvedAt: at(0) }, { ...step(2), satisfied: true, comment: null }),
      () => Complaint.archive(archived, { ...step(2), stage }),
    ];
    for (const update of updates) expect(conflictOf(update).code).toBe('archived');
  });

  it.each(['acceptance', 'handling', 'follow_up', 'evaluation', 'reopened'] as const)('refuses to archive while its case is at %s', (stage) => {
    expect(conflictOf(() => Complaint.archive(filed, { ...step(1), stage }))).toMatchObject({ code: 'not-closed', stage });
  });

  it('changes nothing it is given', () => {
    const before: ComplaintStatus = { ...filed };
    Complaint.acknowledge(before, { ...step(1), note: null, channel: null });
    expect(before).toEqual(filed);
  });
});

describe("a complaint update's audit record", () => {
  it('names the actor, the action, the complaint and the states, never the free text', () => {
    const change = Complaint.communicate(filed, { ...step(1), direction: 'outbound', channel: 'sms', summary: 'Your ID 110101199003071234', awaitingCustomer: true });
    const event = complaintAudit('acme', change, 'corr-1');
    expect(event).toMatchObject({ type: 'audit.recorded', tenantid: 'acme', subject: 'complaint:K-1', correlationid: 'corr-1', time: at(1).toISOString() });
    expect(event.data).toEqual({
      actor: agent,
      action: 'complaint.communicate',
      subject: { type: 'complaint', id: 'K-1' },
      before: { state: 'filed' },
      after: { state: 'filed', awaitingCustomer: true },
      summary: 'complaint communication: filed → filed',
      service: 'dispatch',
    });
    expect(JSON.stringify(event)).not.toContain('110101199003071234');
  });
});
