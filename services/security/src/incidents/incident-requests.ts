import { z } from 'zod';
import { INCIDENT_STATES, INCIDENT_TYPES, SEVERITIES } from './domain/incident-state';
import type { IncidentListKey } from './incidents.repository';

const listKey = z.tuple([z.iso.datetime(), z.uuid()]);

/** A page's last item as an opaque cursor; a client passes `nextCursor` back unchanged. */
export function encodeIncidentCursor(key: IncidentListKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

const cursor = z.string().transform((text, ctx): IncidentListKey => {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const parsed = listKey.safeParse(decoded);
  if (parsed.success) return parsed.data;
  ctx.addIssue({ code: 'custom', message: 'cursor is the nextCursor of the previous page, passed back unchanged' });
  return z.NEVER;
});

/** `GET /v1/incidents?state=&severity=&type=&limit=&cursor=`. */
export const listIncidentsQuery = z.strictObject({
  state: z.enum(INCIDENT_STATES).optional(),
  severity: z.enum(SEVERITIES).optional(),
  type: z.enum(INCIDENT_TYPES).optional(),
  limit: z.coerce.number({ message: 'Expected a whole number' }).int('Expected a whole number').min(1).max(100).default(50),
  cursor: cursor.optional(),
});

const reviewText = (message: string) => z.string().trim().min(1, message).max(20_000);

/** The post-incident review (MANUAL.md 7.3): what happened, its root cause, and what changes. */
export const postIncidentReviewRequest = z.strictObject({
  summary: reviewText('Say what happened'),
  rootCause: reviewText('Name the root cause'),
  actions: z.array(z.string().trim().min(1).max(2000)).min(1, 'Name at least one action that keeps it from happening again').max(50),
});

/** `POST /v1/incidents/:id/transitions`: where to, why, and the post-incident review when closing. */
export const incidentTransitionRequest = z
  .strictObject({
    to: z.enum(INCIDENT_STATES),
    reason: z.string().trim().min(1, 'Say why the incident moves').max(2000),
    review: postIncidentReviewRequest.optional(),
  })
  .refine(({ to, review }) => review === undefined || to === 'closed', { path: ['review'], message: 'A review is given when closing (`to: closed`)' });

/** `POST /v1/incidents/:id/steps/:stepId/complete`. */
export const completeStepRequest = z.strictObject({
  note: z.string().trim().min(1).max(4000).optional().describe('What was done'),
});
