import { z } from 'zod';
import { INCIDENT_TYPES, SEVERITIES } from './domain/incident-state';
import { PLAN_LIMITS } from './domain/tenant-response-plan';

/** `:incidentType` of a response plan. */
export const responsePlanParams = z.strictObject({
  incidentType: z.enum(INCIDENT_TYPES, { error: `An incident type: ${INCIDENT_TYPES.join(', ')}` }),
});

const stepId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'A step id is 1-63 lowercase letters, digits, dashes or underscores, e.g. contain');
const duration = z.string().max(40);
const DURATION_HINT = 'An ISO 8601 duration in whole minutes (e.g. PT15M, PT4H, P3D), or one per severity {P1, P2, P3, P4}';

/** A step as sent: `within` is counted from the incident's opening, as the built-in plans' deadlines are. */
const stepRequest = z.strictObject({
  id: stepId,
  title: z.string().trim().min(1, 'Give the step a title').max(200),
  owner: z.string().regex(/^[a-z][a-z0-9_-]{0,62}$/, 'A role (security, supervisor, admin) or a team name: lowercase letters, digits, dashes or underscores'),
  within: z.union([duration, z.strictObject(Object.fromEntries(SEVERITIES.map((s) => [s, duration])) as Record<(typeof SEVERITIES)[number], typeof duration>)], { error: DURATION_HINT }),
  after: z.array(z.string().max(63)).max(PLAN_LIMITS.after).optional().describe('Ids of the steps this one follows: ordering, checked free of cycles'),
  standard: z.string().max(100).optional().describe('The standard whose deadline binds the step, e.g. `personal-data-leak-report`; `within` may only be tighter'),
});

/** `PUT /v1/response-plans/:incidentType`: the tenant's new version of the plan. */
export const putResponsePlanRequest = z.strictObject({
  steps: z.array(stepRequest).min(1, 'A plan has at least one step').max(PLAN_LIMITS.steps),
});

const cursor = z.string().transform((text, ctx) => {
  const type = Buffer.from(text, 'base64url').toString('utf8');
  if ((INCIDENT_TYPES as readonly string[]).includes(type)) return type as (typeof INCIDENT_TYPES)[number];
  ctx.addIssue({ code: 'custom', message: 'cursor is the nextCursor of the previous page, passed back unchanged' });
  return z.NEVER;
});

export const encodePlanCursor = (type: string): string => Buffer.from(type).toString('base64url');

/** `GET /v1/response-plans?limit=&cursor=`. */
export const listResponsePlansQuery = z.strictObject({
  limit: z.coerce.number({ message: 'Expected a whole number' }).int('Expected a whole number').min(1).max(100).default(50),
  cursor: cursor.optional(),
});
