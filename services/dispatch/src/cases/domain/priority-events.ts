import { auditRecordedEvent, type CloudEvent, type EventDataInput, newCloudEvent } from '@hotline/contracts';
import type { PriorityChange } from './service-case';
import { DISPATCH_SOURCE } from './transition-events';

/**
 * What a priority change publishes (through the outbox, in its transaction): `case.priority_changed`
 * and `audit.recorded` (DESIGN decision 13), whose summary names the priorities, never the reason.
 */
export function priorityEvents(tenantId: string, change: PriorityChange, correlationId?: string): CloudEvent[] {
  const { caseId, actor, reason, at } = change;
  // A case's priority is the contracts' P1–P4: it came from an event or the priority route.
  type Priority = EventDataInput<'case.priority_changed'>['from'];
  const [from, to] = [change.from as Priority, change.to as Priority];
  const common = { source: DISPATCH_SOURCE, tenantId, correlationId, subject: caseId, time: at };
  return [
    newCloudEvent({ ...common, type: 'case.priority_changed', data: { caseId, from, to, actor, reason, changedAt: at.toISOString() } }),
    auditRecordedEvent({
      service: 'dispatch',
      tenantId,
      correlationId,
      time: at,
      actor,
      action: 'case.priority',
      subject: { type: 'case', id: caseId },
      before: { priority: from },
      after: { priority: to },
      summary: `case priority ${from} → ${to}`,
    }),
  ];
}

