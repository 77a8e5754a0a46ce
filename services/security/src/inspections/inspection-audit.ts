import { auditRecordedEvent, type CloudEvent } from '@hotline/contracts';
import { CorrelationContext } from '@hotline/messaging';
import type { IncidentActor } from '../incidents/domain/incident';

/** `audit.recorded` for a change made through the inspections API (DESIGN decision 13): the schedule, never the notes. */
export function inspectionAudit(tenantId: string, actor: IncidentActor, action: 'inspection.put' | 'inspection.record', id: string, after: Record<string, unknown>): CloudEvent {
  const correlationId = CorrelationContext.current()?.correlationId;
  return auditRecordedEvent({ service: 'security', tenantId, actor, action, subject: { type: 'inspection', id }, after, summary: `${action} ${id}`, correlationId });
}
