import { z } from 'zod';
import type { JsonOf } from '@hotline/platform';
import type { CasesService } from './cases.service';
import { CASE_STAGES } from './domain/case-stage';

const timestamp = z.iso.datetime();

/** One entry of a case's history: a transition or another event that touched it. */
export const caseHistoryEntrySchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  caseId: z.string(),
  eventId: z.string().describe('The event that made the change'),
  kind: z.string(),
  at: timestamp,
  detail: z.record(z.string(), z.unknown()),
});

/** `GET /v1/cases/:caseId`: the case and its history, oldest first. */
export const caseResponseSchema = z.object({
  tenantId: z.string(),
  caseId: z.string(),
  type: z.string(),
  priority: z.string(),
  stage: z.enum(CASE_STAGES),
  summary: z.string(),
  region: z.string().nullable(),
  customerId: z.string().nullable(),
  contactId: z.string().nullable(),
  openedAt: timestamp,
  updatedAt: timestamp,
  history: z.array(caseHistoryEntrySchema),
});

// Compile-time: what the service returns, sent as JSON, is what the schema documents.
const _matches = (found: JsonOf<Awaited<ReturnType<CasesService['find']>>>): z.output<typeof caseResponseSchema> => found;
