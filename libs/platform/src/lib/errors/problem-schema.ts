import { z } from 'zod';

/** One invalid field; `index` is the item's position when a batch was sent. */
export const problemFieldErrorSchema = z.object({
  index: z.number().int().min(0).optional().describe("The item's position in the batch, when a batch was sent"),
  path: z.string().describe("Dotted path inside the item, e.g. `data.contactId`, or '' for the item itself"),
  message: z.string(),
});

/** RFC 9457 problem details, the body of every error response (`application/problem+json`). */
export const problemSchema = z
  .object({
    type: z.string().describe('`about:blank` (the status says it all) or a `urn:hotline:problem:…` type'),
    title: z.string().describe("The type's short summary; with `about:blank`, the status's own phrase"),
    status: z.number().int().min(400).max(599),
    detail: z.string().describe('What went wrong with this request, for a person'),
    instance: z.string().optional(),
    errors: z.array(problemFieldErrorSchema).optional().describe('Every invalid field, for a validation problem'),
  })
  .describe('RFC 9457 problem details');
