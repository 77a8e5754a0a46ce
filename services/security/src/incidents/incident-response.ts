import { z } from 'zod';
import type { Incident } from './domain/incident';
import { INCIDENT_STATES, INCIDENT_TYPES, SEVERITIES } from './domain/incident-state';
import { type IncidentStep, stepState } from './domain/incident-steps';
import { TIMELINE_KINDS, type TimelineEntry } from './domain/incident-timeline';

const timestamp = z.iso.datetime();
const state = z.enum(INCIDENT_STATES);

const actorSchema = z.object({ id: z.string(), kind: z.string(), roles: z.array(z.string()) });

export const reviewSchema = z.object({
  summary: z.string(),
  rootCause: z.string(),
  actions: z.array(z.string()),
});

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
  review: reviewSchema.nullable().describe('The post-incident review, required to close'),
  escalationLevel: z.number().int().min(0).describe('How many plan steps fell due undone (each escalated once)'),
});

const stepSchema = z.object({
  id: z.string(),
  title: z.string(),
  ownerRole: z.string().describe('The role that owns the step (security may complete any)'),
  dueAt: timestamp.describe('The deadline: the plan’s offset for this severity after opening, or the tenant’s standard in force at opening'),
  standardId: z.string().optional().describe('The standard the deadline came from, e.g. `personal-data-leak-report`'),
  standardVersion: z.string().optional(),
  after: z.array(z.string()).describe('Steps to be done before this one (a tenant’s plan); completing it earlier answers 409'),
  state: z.enum(['pending', 'late', 'done']).describe('`late`: fell due undone and was escalated; a late step completed is `done` with `lateAt` set'),
  lateAt: timestamp.nullable(),
  completedAt: timestamp.nullable(),
  completedBy: actorSchema.nullable(),
  note: z.string().nullable(),
});

const timelineEntrySchema = z.object({
  at: timestamp,
  kind: z.enum(TIMELINE_KINDS).describe('Skip kinds you do not know'),
  detail: z.record(z.string(), z.unknown()),
});

/** `GET /v1/incidents/:id`, and the answer to a transition. */
export const incidentDetailSchema = incidentSchema.extend({
  steps: z.array(stepSchema).describe('The response plan’s steps, in order, with their deadlines and progress; a step undone at its deadline escalates'),
  timeline: z.array(timelineEntrySchema).describe('Oldest first'),
});

export const incidentPageSchema = z.object({
  items: z.array(incidentSchema),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last'),
});

export type IncidentResponse = z.output<typeof incidentSchema>;
export type IncidentDetail = z.output<typeof incidentDetailSchema>;

export function toIncidentResponse(incident: Incident): IncidentResponse {
  const { id, type, severity, state, summary, detections, openedAt, lastDetectedAt, plan, review, escalationLevel } = incident.snapshot;
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
    escalationLevel,
  };
}

export function toIncidentDetail(incident: Incident, timeline: readonly TimelineEntry[], steps: readonly IncidentStep[]): IncidentDetail {
  const iso = (at: Date | null) => at && at.toISOString();
  return {
    ...toIncidentResponse(incident),
    steps: steps.map((step) => ({
      id: step.id,
      title: step.title,
      ownerRole: step.ownerRole,
      dueAt: step.dueAt.toISOString(),
      ...(step.standard ?? {}),
      after: [...(step.after ?? [])],
      state: stepState(step),
      lateAt: iso(step.lateAt),
      completedAt: iso(step.completedAt),
      completedBy: step.completedBy,
      note: step.note,
    })),
    timeline: timeline.map(({ at, kind, detail }) => ({ at: at.toISOString(), kind, detail })),
  };
}
