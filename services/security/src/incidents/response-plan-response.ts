import { z } from 'zod';
import type { IncidentActor } from './domain/incident';
import { INCIDENT_TYPES, type Severity } from './domain/incident-state';
import type { ResponsePlan } from './domain/response-plans';

const bySeverity = z.object({ P1: z.string(), P2: z.string(), P3: z.string(), P4: z.string() });

/** `GET /v1/response-plans/:incidentType`: the plan in force for new incidents of the type. */
export const responsePlanSchema = z.object({
  incidentType: z.enum(INCIDENT_TYPES),
  planId: z.string(),
  version: z.string().describe("`1` for a built-in plan; the tenant's version N (each PUT is a new one)"),
  source: z.enum(['built-in', 'tenant']).describe("Hotline's built-in plan, or the tenant's version replacing it"),
  updatedAt: z.iso.datetime().nullable(),
  updatedBy: z.object({ id: z.string(), kind: z.string(), roles: z.array(z.string()) }).nullable(),
  steps: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      owner: z.string(),
      within: bySeverity.describe('Due this long after the incident opened, per severity (ISO 8601)'),
      after: z.array(z.string()),
      standard: z.string().optional().describe('The standard whose deadline, in force for the tenant at opening, binds the step'),
    }),
  ),
});

export const responsePlanPageSchema = z.object({
  items: z.array(responsePlanSchema),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last'),
});

export type ResponsePlanResponse = z.output<typeof responsePlanSchema>;

export function toResponsePlanResponse(plan: ResponsePlan, updated?: { at: Date; by: IncidentActor }): ResponsePlanResponse {
  return {
    incidentType: plan.type,
    planId: plan.id,
    version: plan.version,
    source: plan.source ?? 'built-in',
    updatedAt: updated ? updated.at.toISOString() : null,
    updatedBy: updated ? updated.by : null,
    steps: plan.steps.map(({ id, title, ownerRole, dueWithinMinutes, after, standardId }) => ({
      id,
      title,
      owner: ownerRole,
      within: { P1: isoMinutes(dueWithinMinutes.P1), P2: isoMinutes(dueWithinMinutes.P2), P3: isoMinutes(dueWithinMinutes.P3), P4: isoMinutes(dueWithinMinutes.P4) } satisfies Record<Severity, string>,
      after: [...(after ?? [])],
      ...(standardId ? { standard: standardId } : {}),
    })),
  };
}

/** Minutes as an ISO 8601 duration: 90 → PT1H30M, 4320 → P3D. */
function isoMinutes(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const time = `${hours ? `${hours}H` : ''}${rest ? `${rest}M` : ''}`;
  // A plan's deadlines are at least a minute, so the duration is never empty.
  return `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}
