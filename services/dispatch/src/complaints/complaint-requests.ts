import { z } from 'zod';
import { caseStage, unstorableTextReason } from '@hotline/contracts';
import { cursorParameter } from '../cases/page-cursor';
import { COMPLAINT_STATES } from './domain/complaint';

/** Text PostgreSQL can store (no NUL, no lone surrogate): refused with a 400 naming the field, never a 500. */
const storable = (schema: z.ZodString) =>
  schema.superRefine((text, ctx) => {
    const reason = unstorableTextReason(text);
    if (reason) ctx.addIssue({ code: 'custom', message: reason });
  });

const label = storable(z.string().trim().min(1).max(200));
const words = (required: string) => storable(z.string().trim().min(1, required).max(10_000));

/** `POST …/acknowledgement`: how the complainant was told (optional), and a note such as the owner named. */
export const acknowledgementRequest = z.strictObject({
  note: storable(z.string().trim().max(2000)).optional(),
  channel: label.optional(),
});

/** `POST …/communications`: one message with the complainant. Only an outbound one can await them. */
export const communicationRequest = z
  .strictObject({
    direction: z.enum(['inbound', 'outbound']),
    channel: label,
    summary: words('Say what was said'),
    awaitingCustomer: z.boolean().default(false),
  })
  .refine((message) => !(message.direction === 'inbound' && message.awaitingCustomer), {
    path: ['awaitingCustomer'],
    message: 'Only an outbound message awaits the customer',
  });

/** `POST …/resolution`: how it was resolved (the reason of the case's resolution move too). */
export const resolutionRequest = z.strictObject({ resolution: words('Say how the complaint was resolved') });

/** `POST …/feedback`: the complainant's satisfaction with the resolution. */
export const feedbackRequest = z.strictObject({
  satisfied: z.boolean(),
  comment: storable(z.string().trim().max(10_000)).optional(),
});

/** `GET /v1/complaints?state=&archived=&stage=&limit=&cursor=`. */
export const listComplaintsQuery = z.strictObject({
  state: z.enum(COMPLAINT_STATES).optional(),
  archived: z.enum(['true', 'false']).optional(),
  stage: caseStage.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: cursorParameter(z.tuple([z.iso.datetime(), z.string()])).optional(),
});

/** `GET …/export?format=json|csv`. */
export const exportQuery = z.strictObject({ format: z.enum(['json', 'csv']).default('json') });
