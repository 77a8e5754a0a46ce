import { z } from 'zod';
import { caseStage } from '@hotline/contracts';
import type { ServiceCase } from './domain/service-case';

const timestamp = z.iso.datetime();

/** A deadline running on the case (the SLA engine's, issue 10 part 3); always empty until it lands. */
const openDeadlineSchema = z.object({
  clock: z.string().describe('What is timed, e.g. network-fault-response'),
  dueAt: timestamp,
  standardId: z.string(),
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
  openDeadlines: z.array(openDeadlineSchema).describe('Empty until the SLA engine lands (planned)'),
  openedAt: timestamp,
  updatedAt: timestamp,
  version: z.number().int().min(1).describe('Counts the changes of the case'),
});

export type CaseResponse = z.output<typeof caseSchema>;

/** `GET /v1/cases`: a page of cases, oldest opened first. */
export const casePageSchema = z.object({
  items: z.array(caseSchema),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last'),
});

export function toCaseResponse(kase: ServiceCase): CaseResponse {
  const { openedAt, updatedAt, ...state } = kase.snapshot;
  return {
    ...state,
    allowedTransitions: [...kase.allowedTransitions()],
    openDeadlines: [],
    openedAt: openedAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
}
