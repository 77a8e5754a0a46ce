import { type CloudEvent, newCloudEvent } from '@hotline/contracts';
import type { IncidentSnapshot, IncidentTransition } from './incident';
import type { ResponsePlan } from './response-plans';

export const SECURITY_SOURCE = '/hotline/security';

/** `incident.opened`, published through the outbox with the incident's row. */
export function openedEvent(incident: IncidentSnapshot, plan: ResponsePlan, correlationId?: string): CloudEvent {
  return newCloudEvent({
    type: 'incident.opened',
    source: SECURITY_SOURCE,
    tenantId: incident.tenantId,
    correlationId,
    subject: incident.id,
    time: incident.openedAt,
    data: { incidentId: incident.id, kind: incident.type, severity: incident.severity, summary: incident.summary, planId: plan.id },
  });
}

/** `audit.recorded` for a move (DESIGN decision 13): the states, never the reason or review text. */
export function transitionAuditEvent(tenantId: string, transition: IncidentTransition, correlationId?: string): CloudEvent {
  const { incidentId, from, to, actor, at } = transition;
  return newCloudEvent({
    type: 'audit.recorded',
    source: SECURITY_SOURCE,
    tenantId,
    correlationId,
    subject: incidentId,
    time: at,
    data: {
      actor,
      action: 'incident.transition',
      subject: { type: 'incident', id: incidentId },
      before: { state: from },
      after: { state: to },
      summary: `incident ${from} → ${to}`,
      service: 'security',
    },
  });
}
