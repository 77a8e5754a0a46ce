import { auditRecordedEvent, type CloudEvent } from '@hotline/contracts';
import { type ComplaintChange, complaintState } from './complaint';
import type { ComplaintEntryKind } from './complaint-entry';

const ACTIONS: Record<ComplaintEntryKind, string> = {
  acknowledgement: 'complaint.acknowledge',
  communication: 'complaint.communicate',
  resolution: 'complaint.resolve',
  feedback: 'complaint.feedback',
  archive: 'complaint.archive',
};

/**
 * `audit.recorded` for a complaint's update (DESIGN decision 13), published through the outbox in
 * the update's transaction. Its summary names the step and the states, never the complainant's
 * words (a note, a message or a comment may hold personal data).
 */
export function complaintAudit(tenantId: string, { entry, before, after }: ComplaintChange, correlationId?: string): CloudEvent {
  const state = complaintState(after);
  return auditRecordedEvent({
    service: 'dispatch',
    tenantId,
    correlationId,
    time: entry.at,
    // The envelope names the complaint's case (its timeline), the data the complaint.
    envelopeSubject: after.caseId,
    actor: entry.actor,
    action: ACTIONS[entry.kind],
    subject: { type: 'complaint', id: after.complaintId },
    before: { state: before },
    after: { state, awaitingCustomer: after.awaitingCustomer },
    summary: `complaint ${entry.kind}: ${before} → ${state}`,
  });
}
