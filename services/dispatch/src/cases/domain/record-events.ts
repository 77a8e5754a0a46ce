import { auditRecordedEvent, type CloudEvent } from '@hotline/contracts';
import type { SlaSignal } from '../../sla/domain';
import type { RecordChange } from './service-case';

/**
 * What a record change publishes (through the outbox, in its transaction): `audit.recorded`
 * (DESIGN decision 13). Its before/after name the structured fields; the summary, free text that
 * may describe the customer, is only said to have changed.
 */
export function recordEvents(tenantId: string, change: RecordChange, correlationId?: string): CloudEvent[] {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = { recordComplete: change.recordComplete };
  for (const [field, { from, to }] of Object.entries(change.changes)) {
    before[field] = field === 'summary' ? '(previous summary)' : from;
    after[field] = field === 'summary' ? '(new summary)' : to;
  }
  return [
    auditRecordedEvent({
      service: 'dispatch',
      tenantId,
      correlationId,
      time: change.at,
      actor: change.actor,
      action: 'case.record',
      subject: { type: 'case', id: change.caseId },
      before,
      after,
      summary: `case record: ${Object.keys(change.changes).join(', ')}${change.completes ? ' (now complete)' : ''}`,
    }),
  ];
}

/** What a record change tells the case's clocks: 'record_completed' once it completes the record, else nothing. */
export function recordSignals({ completes }: Pick<RecordChange, 'completes'>): SlaSignal[] {
  return completes ? ['record_completed'] : [];
}
