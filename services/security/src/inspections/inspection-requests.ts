import { z } from 'zod';
import { ValidationProblem } from '@hotline/platform';
import { BUILT_IN_INSPECTIONS, type InspectionDefinition, INSPECTION_OWNER_ROLES } from './domain/inspection';
import { isoDurationMs } from './domain/iso-duration';

/** `:id` of an inspection: a short kebab-case name, e.g. `access-review`. */
export const inspectionIdParams = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'An inspection id is 1-63 lowercase letters, digits or dashes, e.g. access-review'),
});

const item = z.string().trim().min(1, 'A checklist item cannot be empty').max(500);

/** `PUT /v1/inspections/:id`. All but `firstDueAt` may be left out for a built-in inspection (its defaults apply). */
export const putInspectionRequest = z.strictObject({
  title: z.string().trim().min(1, 'Give the inspection a title').max(200).optional(),
  checklist: z
    .array(item)
    .min(1, 'A checklist has at least one item')
    .max(100)
    .refine((items) => new Set(items).size === items.length, 'Each checklist item appears once')
    .optional(),
  every: z
    .string()
    .refine((text) => isoDurationMs(text) !== undefined, 'every is an ISO 8601 duration in weeks, days, hours, minutes or seconds, e.g. P7D')
    .optional(),
  firstDueAt: z.iso.datetime({ offset: true, error: 'firstDueAt is an ISO 8601 date-time with an offset, e.g. 2026-12-07T09:00:00+08:00' }),
  ownerRole: z.enum(INSPECTION_OWNER_ROLES).optional(),
});

/** The full definition: the body, over the built-in inspection's values for a built-in id; 400 naming what a custom one lacks. */
export function inspectionDefinition(id: string, body: z.output<typeof putInspectionRequest>): InspectionDefinition {
  const base = BUILT_IN_INSPECTIONS[id];
  const { title = base?.title, checklist = base?.checklist, every = base?.every, ownerRole = base?.ownerRole } = body;
  const missing = Object.entries({ title, checklist, every, ownerRole }).filter(([, value]) => value === undefined);
  if (missing.length > 0) {
    throw new ValidationProblem(missing.map(([path]) => ({ path, message: `Required for '${id}', which is not a built-in inspection` })));
  }
  return { title: title as string, checklist: checklist as string[], every: every as string, ownerRole: ownerRole as InspectionDefinition['ownerRole'], firstDueAt: new Date(body.firstDueAt) };
}

/** `POST /v1/inspections/:id/results`: one finding per checklist item. */
export const recordResultsRequest = z.strictObject({
  findings: z
    .array(z.strictObject({ item, ok: z.boolean(), note: z.string().trim().max(2000).optional() }))
    .min(1, 'Give a finding for each checklist item')
    .max(100),
});
