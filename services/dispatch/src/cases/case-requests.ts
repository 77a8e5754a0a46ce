import { z } from 'zod';
import { caseStage, caseType } from '@hotline/contracts';
import { SLA_PRIORITIES } from '../sla/domain';
import { cursorParameter } from './page-cursor';

const limit = z.coerce.number().int().min(1).max(100).default(50);

/** `GET /v1/cases?stage=&type=&assignee=&breached=&limit=&cursor=`. */
export const listCasesQuery = z.strictObject({
  stage: caseStage.optional(),
  type: caseType.optional(),
  assignee: z.string().min(1).max(200).optional(),
  /** Cases with a standing breach of any of their SLA clocks (`true`), or with none (`false`). */
  breached: z.enum(['true', 'false']).optional(),
  limit,
  cursor: cursorParameter(z.tuple([z.iso.datetime(), z.string()])).optional(),
});

/** `GET /v1/cases/:caseId/timeline?limit=&cursor=`. */
export const timelineQuery = z.strictObject({
  limit,
  cursor: cursorParameter(z.tuple([z.iso.datetime(), z.string()])).optional(),
});

/** `POST /v1/cases/:caseId/transitions`: where to, and why (recorded with the move and published). */
export const transitionRequest = z.strictObject({
  to: caseStage,
  reason: z.string().trim().min(1, 'Say why the case moves').max(2000),
});

const recordValue = (max: number) => z.string().trim().min(1, 'Must not be empty').max(max).optional();

/** `PATCH /v1/cases/:caseId/record`: the record's fields to set (先处理后记录); at least one. */
export const recordRequest = z
  .strictObject({
    summary: recordValue(10_000),
    region: recordValue(200),
    customerId: recordValue(200),
    category: recordValue(200),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), { message: 'Name at least one of summary, region, customerId, category' });

/** `POST /v1/cases/:caseId/priority`: the new priority, and why (recorded with the change and published). */
export const priorityRequest = z.strictObject({
  priority: z.enum(SLA_PRIORITIES).describe('P1 is the most urgent'),
  reason: z.string().trim().min(1, 'Say why the priority changes').max(2000),
});
