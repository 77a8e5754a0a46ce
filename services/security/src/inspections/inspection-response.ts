import { z } from 'zod';
import type { InspectionResult, InspectionRow } from './inspections.repository';

const instant = z.iso.datetime({ offset: true });
const finding = z.object({ item: z.string(), ok: z.boolean(), note: z.string().optional() });

export const inspectionSchema = z.object({
  id: z.string(),
  title: z.string(),
  checklist: z.array(z.string()),
  every: z.string().describe('ISO 8601 duration, e.g. P7D'),
  ownerRole: z.string(),
  firstDueAt: instant,
  nextDueAt: instant.describe('When the next results are due; an incident `inspection_overdue` opens if none are recorded by then'),
  overdue: z.boolean(),
  lastResult: z
    .object({
      dueAt: instant,
      recordedAt: instant,
      actor: z.object({ id: z.string(), kind: z.string(), roles: z.array(z.string()).optional() }),
      findings: z.array(finding),
    })
    .nullable(),
});

export const inspectionListSchema = z.object({ items: z.array(inspectionSchema) });

export type InspectionResponse = z.output<typeof inspectionSchema>;

export function toInspectionResponse(row: InspectionRow, last: InspectionResult | undefined, now: Date): InspectionResponse {
  return {
    id: row.id,
    title: row.title,
    checklist: row.checklist,
    every: row.every,
    ownerRole: row.ownerRole,
    firstDueAt: new Date(row.firstDueAt).toISOString(),
    nextDueAt: new Date(row.nextDueAt).toISOString(),
    overdue: new Date(row.nextDueAt).getTime() < now.getTime(),
    lastResult: last
      ? { dueAt: new Date(last.dueAt).toISOString(), recordedAt: new Date(last.recordedAt).toISOString(), actor: last.actor, findings: last.findings }
      : null,
  };
}
