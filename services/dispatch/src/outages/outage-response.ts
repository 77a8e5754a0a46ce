import { z } from 'zod';
import { caseStage } from '@hotline/contracts';
import { OUTAGE_SEVERITIES, type Outage } from './domain/outage';
import type { AttachedCase } from './outage.repository';

const timestamp = z.iso.datetime();

const outageFields = {
  outageId: z.string().describe('Also its parent case’s id: `fault:<faultId>` when a fault declared it, `outage:<uuid>` when a person did'),
  parentCaseId: z.string(),
  region: z.string(),
  severity: z.enum(OUTAGE_SEVERITIES),
  kind: z.enum(['network', 'equipment']),
  description: z.string(),
  state: z.enum(['open', 'resolved', 'cancelled']),
  declaredAt: timestamp,
  declaredBy: z.string().describe('The person, or `fault <faultId>`'),
  endedAt: timestamp.nullable(),
};

/** `GET /v1/outages/:id`, and the answer to its declaration and resolution: the outage with its attached cases. */
export const outageSchema = z.object({
  ...outageFields,
  cases: z.array(z.object({ caseId: z.string(), stage: caseStage, attachedAt: timestamp })).describe('The children: cases of its region opened while it is open, or open when it was declared'),
});

/** `GET /v1/outages`: a page of outages, latest declared first. */
export const outagePageSchema = z.object({
  items: z.array(z.object(outageFields)),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last'),
});

export type OutageResponse = z.output<typeof outageSchema>;
export type OutageSummary = Omit<OutageResponse, 'cases'>;

export function toOutageSummary({ tenantId: _tenant, declaredAt, endedAt, ...outage }: Outage): OutageSummary {
  return { ...outage, parentCaseId: outage.outageId, declaredAt: declaredAt.toISOString(), endedAt: endedAt?.toISOString() ?? null };
}

export function toOutageResponse(outage: Outage, children: readonly AttachedCase[]): OutageResponse {
  return { ...toOutageSummary(outage), cases: children.map((c) => ({ caseId: c.caseId, stage: c.stage, attachedAt: c.attachedAt.toISOString() })) };
}
