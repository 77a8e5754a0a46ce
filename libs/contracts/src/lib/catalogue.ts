import type { z } from 'zod';
import type { EventDefinition } from './event-definition';
import { agentStatusChanged } from './events/agent-events';
import { alertRaised, alertResolved, alertUpdated } from './events/alert-events';
import { auditRecorded } from './events/audit-events';
import { caseAssigned, caseEscalated, caseOpened, casePriorityChanged, caseResolved, caseTransitioned } from './events/case-events';
import { complaintFiled } from './events/complaint-events';
import { contactAbandoned, contactAnswered, contactCompleted, contactEnded, contactQueued, contactTransferred } from './events/contact-events';
import { faultReported } from './events/fault-events';
import { contactScored } from './events/score-events';
import { accessDenied, incidentEscalated, incidentOpened, incidentTransitioned, securityReported } from './events/security-events';
import { slaBreached, slaStopped, slaWarned, slaWithdrawn } from './events/sla-events';
import { standardsPublished } from './events/standards-events';
import { surveyCompleted } from './events/survey-events';
import { transcriptRecorded, transcriptSegmented } from './events/transcript-events';

type ByType<D extends readonly EventDefinition[]> = { readonly [E in D[number] as E['type']]: E };

function indexByType<const D extends readonly EventDefinition[]>(definitions: D): ByType<D> {
  const byType: Record<string, EventDefinition> = {};
  for (const definition of definitions) {
    if (Object.hasOwn(byType, definition.type)) {
      throw new Error(`Event type '${definition.type}' is defined twice`);
    }
    byType[definition.type] = definition;
  }
  return Object.freeze(byType) as ByType<D>;
}

/** Catalogue v1: every event type, by type (which is also its routing key). */
export const catalogue = indexByType([
  // Sent by integrators' platforms to POST /v1/events.
  contactQueued,
  contactAnswered,
  contactAbandoned,
  contactTransferred,
  contactEnded,
  contactCompleted,
  transcriptRecorded,
  transcriptSegmented,
  surveyCompleted,
  caseOpened,
  faultReported,
  complaintFiled,
  agentStatusChanged,
  securityReported,
  // Published by our services.
  caseAssigned,
  caseEscalated,
  caseResolved,
  caseTransitioned,
  casePriorityChanged,
  slaWarned,
  slaBreached,
  slaWithdrawn,
  slaStopped,
  alertRaised,
  alertUpdated,
  alertResolved,
  contactScored,
  incidentOpened,
  incidentTransitioned,
  incidentEscalated,
  accessDenied,
  standardsPublished,
  auditRecorded,
]);

export type Catalogue = typeof catalogue;

/** Every event type in the catalogue. */
export type EventType = keyof Catalogue;

/** The event types integrators may post to intake. */
export type PlatformEventType = {
  [K in EventType]: Catalogue[K]['publishedBy'] extends 'platform' ? K : never;
}[EventType];

/** The event types a given service publishes (those every service may publish included). */
export type EventTypePublishedBy<P extends Catalogue[EventType]['publishedBy']> = {
  [K in EventType]: Catalogue[K]['publishedBy'] extends P | 'any service' ? K : never;
}[EventType];

/** The parsed `data` of an event type (unknown extra fields kept, see `EventDefinition`). */
export type EventData<K extends EventType> = z.output<Catalogue[K]['data']>;

/** What may be passed as the `data` of an event type before validation. */
export type EventDataInput<K extends EventType> = z.input<Catalogue[K]['data']>;

export const eventTypes = Object.freeze(Object.keys(catalogue) as EventType[]);

export const platformEventTypes = Object.freeze(
  eventTypes.filter((type): type is PlatformEventType => catalogue[type].publishedBy === 'platform'),
);

export function isKnownEventType(type: unknown): type is EventType {
  return typeof type === 'string' && Object.hasOwn(catalogue, type);
}

export function isPlatformEventType(type: unknown): type is PlatformEventType {
  return isKnownEventType(type) && catalogue[type].publishedBy === 'platform';
}

/** The definition of a known type (schema, version, publisher). */
export function eventDefinition<K extends EventType>(type: K): Catalogue[K] {
  return catalogue[type];
}

// Named data types, one per event type, for services' handlers.
export type ContactQueued = EventData<'contact.queued'>;
export type ContactAnswered = EventData<'contact.answered'>;
export type ContactAbandoned = EventData<'contact.abandoned'>;
export type ContactTransferred = EventData<'contact.transferred'>;
export type ContactEnded = EventData<'contact.ended'>;
export type ContactCompleted = EventData<'contact.completed'>;
export type TranscriptRecorded = EventData<'transcript.recorded'>;
export type SurveyCompleted = EventData<'survey.completed'>;
export type CaseOpened = EventData<'case.opened'>;
export type FaultReported = EventData<'fault.reported'>;
export type ComplaintFiled = EventData<'complaint.filed'>;
export type AgentStatusChanged = EventData<'agent.status_changed'>;
export type SecurityReported = EventData<'security.reported'>;
export type CaseAssigned = EventData<'case.assigned'>;
export type CaseEscalated = EventData<'case.escalated'>;
export type CaseResolved = EventData<'case.resolved'>;
export type SlaWarned = EventData<'sla.warned'>;
export type SlaBreached = EventData<'sla.breached'>;
export type SlaWithdrawn = EventData<'sla.withdrawn'>;
export type SlaStopped = EventData<'sla.stopped'>;
export type CaseTransitioned = EventData<'case.transitioned'>;
export type CasePriorityChanged = EventData<'case.priority_changed'>;
export type AuditRecorded = EventData<'audit.recorded'>;
export type AlertRaised = EventData<'alert.raised'>;
export type AlertUpdated = EventData<'alert.updated'>;
export type AlertResolved = EventData<'alert.resolved'>;
export type ContactScored = EventData<'contact.scored'>;
export type IncidentOpened = EventData<'incident.opened'>;
export type IncidentTransitioned = EventData<'incident.transitioned'>;
export type IncidentEscalated = EventData<'incident.escalated'>;
export type AccessDenied = EventData<'access.denied'>;
export type StandardsPublished = EventData<'standards.published'>;
