import { z } from 'zod';
import { caseStage } from '@hotline/contracts';
import type { CaseClocksView } from '../case-clocks/case-clock-reads';
import type { ServiceCase } from './domain/service-case';

const timestamp = z.iso.datetime();

/** A deadline running on the case: one of its SLA clocks, running (a paused clock has no due time). */
const openDeadlineSchema = z.object({
  policyId: z.string().describe('The clock, e.g. network-fault-response'),
  slaKind: z.string().describe('answer, response, resolution, record, follow_up, complaint_reply or repair'),
  dueAt: timestamp,
  standardId: z.string().describe('The standard that sets the due time (the floor’s when its wall-clock maximum comes first)'),
  version: z.string(),
  clause: z.string(),
});

/** `GET /v1/cases/:caseId`, and the answer to a transition: the case as it is now. */
export const caseSchema = z.object({
  tenantId: z.string(),
  caseId: z.string().describe('The platform’s case id; `fault:<faultId>` or `complaint:<complaintId>` for cases opened by those events'),
  type: z.string(),
  priority: z.string(),
  stage: caseStage,
  allowedTransitions: z.array(caseStage).describe('The stages `POST …/transitions` may move the case to now'),
  escalationLevel: z.number().int().min(0).describe('0 until escalated; escalation is a level, not a stage'),
  recordComplete: z.boolean().describe('False while the record lacks what it needs (先处理后记录: the case is worked meanwhile)'),
  summary: z.string(),
  category: z.string().nullable(),
  region: z.string().nullable(),
  customerId: z.string().nullable(),
  contactId: z.string().nullable(),
  assignee: z.string().nullable().describe('The agent routing assigned the case to; null while it waits for one'),
  openDeadlines: z.array(openDeadlineSchema).describe('The running SLA clocks, soonest due first'),
  breached: z.boolean().describe('A breach of one of its SLA clocks stands (published, not withdrawn)'),
  openedAt: timestamp,
  updatedAt: timestamp,
  version: z.number().int().min(1).describe('Counts the changes of the case'),
  archivedAt: timestamp.nullable().describe('When its complaint was archived: an archived case is immutable (every transition is a 409)'),
});

export type CaseResponse = z.output<typeof caseSchema>;

/** `GET /v1/cases`: a page of cases, oldest opened first. */
export const casePageSchema = z.object({
  items: z.array(caseSchema),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last'),
});

const NO_CLOCKS: CaseClocksView = { openDeadlines: [], breached: false };

export function toCaseResponse(kase: ServiceCase, clocks: CaseClocksView = NO_CLOCKS): CaseResponse {
  const { openedAt, updatedAt, archivedAt, ...state } = kase.snapshot;
  return {
    ...state,
    allowedTransitions: [...kase.allowedTransitions()],
    openDeadlines: clocks.openDeadlines,
    breached: clocks.breached,
    openedAt: openedAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
    archivedAt: archivedAt?.toISOString() ?? null,
  };
}
