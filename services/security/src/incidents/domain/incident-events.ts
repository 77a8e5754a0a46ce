import { auditRecordedEvent, type CloudEvent, newCloudEvent } from '@hotline/contracts';
import type { IncidentActor, IncidentSnapshot, IncidentTransition } from './incident';
import type { IncidentStep } from './incident-steps';
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
  return auditEvent(tenantId, { actor, action: 'incident.transition', incidentId, before: { state: from }, after: { state: to }, summary: `incident ${from} → ${to}`, at }, correlationId);
}

export interface IncidentAudit {
  actor: IncidentActor;
  /** `<area>.<verb>`, e.g. `incident.step_complete`, `evidence.add`. */
  action: string;
  incidentId: string;
  /** The thing changed when not the incident itself (evidence); its id. */
  subject?: { type: string; id: string };
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  summary: string;
  at: Date;
  /** A deterministic event id, where the entry must be found again (evidence.add); else a new UUID. */
  eventId?: string;
}

/** `audit.recorded` for a change made through the incidents API: ids, states and hashes, never notes or content. */
export function auditEvent(tenantId: string, audit: IncidentAudit, correlationId?: string): CloudEvent {
  const { actor, action, incidentId, subject, before, after, summary, at, eventId } = audit;
  return auditRecordedEvent({
    service: 'security',
    tenantId,
    actor,
    action,
    subject: subject ?? { type: 'incident', id: incidentId },
    // The envelope names the incident (the data names what was changed).
    envelopeSubject: incidentId,
    before,
    after,
    summary,
    correlationId,
    time: at,
    id: eventId,
  });
}

/** `incident.transitioned`, with the move's audit, in its transaction. */
export function transitionedEvent(incident: IncidentSnapshot, transition: IncidentTransition, correlationId?: string): CloudEvent {
  const { incidentId, from, to, at } = transition;
  return newCloudEvent({
    type: 'incident.transitioned',
    source: SECURITY_SOURCE,
    tenantId: incident.tenantId,
    correlationId,
    subject: incidentId,
    time: at,
    data: { incidentId, kind: incident.type, severity: incident.severity, from, to },
  });
}

/** `incident.escalated`: a step fell due undone; `late` when its timer fired well after the deadline (e.g. after downtime). */
export function escalatedEvent(incident: IncidentSnapshot, step: IncidentStep, escalation: { level: number; late: boolean; at: Date }): CloudEvent {
  return newCloudEvent({
    type: 'incident.escalated',
    source: SECURITY_SOURCE,
    tenantId: incident.tenantId,
    subject: incident.id,
    time: escalation.at,
    data: {
      incidentId: incident.id,
      kind: incident.type,
      severity: incident.severity,
      stepId: step.id,
      ownerRole: step.ownerRole,
      dueAt: step.dueAt.toISOString(),
      escalationLevel: escalation.level,
      late: escalation.late,
      ...(step.standard ?? {}),
    },
  });
}
