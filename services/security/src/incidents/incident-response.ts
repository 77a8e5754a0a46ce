import { z } from 'zod';
import type { Incident } from './domain/incident';
import { INCIDENT_STATES, INCIDENT_TYPES, SEVERITIES } from './domain/incident-state';
import type { TimelineEntry } from './domain/incident-timeline';
import { RESPONSE_PLANS, scheduleSteps } from './domain/response-plans';

const timestamp = z.iso.datetime();
const state = z.enum(INCIDENT_STATES);

/** An item of `GET /v1/incidents`. */
export const incidentSchema = z.object({
  id: z.uuid(),
  type: z.enum(INCIDENT_TYPES),
  severity: z.enum(SEVERITIES),
  state,
  allowedTransitions: z.array(state).describe('The states `POST …/transitions` may move the incident to now'),
  summary: z.string(),
  detections: z.number().int().min(1).describe('How many detections of the same agent and contact, or source, joined it'),
  openedAt: timestamp,
  lastDetectedAt: timestamp,
  planId: z.string(),
  planVersion: z.string(),
  review: z.string().nullable().describe('The post-incident review, required to close'),
});

const stepSchema = z.object({
  id: z.string(),
  title: z.string(),
  ownerRole: z.string().describe('The role that owns the step'),
  dueAt: timestamp.describe('The deadline: the plan’s offset for this severity after opening'),
});

const timelineEntrySchema = z.object({
  at: timestamp,
  kind: z.enum(['opened', 'detected_again', 'transition']).describe('Skip kinds you do not know'),
  detail: z.record(z.string(), z.unknown()),
});

/** `GET /v1/incidents/:id`, and the answer to a transition. */
export const incidentDetailSchema = incidentSchema.extend({
  steps: z.array(stepSchema).describe('The response plan’s steps, in order, with their deadlines (escalation of a late step is planned)'),
  timeline: z.array(timelineEntrySchema).describe('Oldest first'),
});

export const incidentPageSchema = z.object({
  items: z.array(incidentSchema),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last'),
});

export type IncidentResponse = z.output<typeof incidentSchema>;
export type IncidentDetail = z.output<typeof incidentDetailSchema>;

export function toIncidentResponse(incident: Incident): IncidentResponse {
  const { id, type, severity, state, summary, detections, openedAt, lastDetectedAt, plan, review } = incident.snapshot;
  return {
    id,
    type,
    severity,
    state,
    allowedTransitions: [...incident.allowedTransitions],
    summary,
    detections,
    openedAt: openedAt.toISOString(),
    lastDetectedAt: lastDetectedAt.toISOString(),
    planId: plan.id,
    planVersion: plan.version,
    review,
  };
}

export function toIncidentDetail(incident: Incident, timeline: readonly TimelineEntry[]): IncidentDetail {
  const { type, severity, openedAt } = incident.snapshot;
  return {
    ...toIncidentResponse(incident),
    steps: scheduleSteps(RESPONSE_PLANS[type], severity, openedAt).map((step) => ({ ...step, dueAt: step.dueAt.toISOString() })),
    timeline: timeline.map(({ at, kind, detail }) => ({ at: at.toISOString(), kind, detail })),
  };
}
