import { z } from 'zod';

const deductionSchema = z.object({
  rule: z.string().describe('The etiquette rule (the id of the standard it applies), e.g. `forbidden-phrases`'),
  points: z.number().min(0).max(100),
  evidence: z.string().describe('A quote from the transcript that shows the breach (for a missing phrase, the turns it was looked for in)'),
  beginOffsetMs: z.number().int().min(0),
  endOffsetMs: z.number().int().min(0),
  standardId: z.string(),
  version: z.string().describe('The standards version applied, e.g. `1` or `acme:3@1`'),
  clause: z.string().describe('The manual clause breached'),
});

/** A contact's etiquette score (MANUAL ch. 3). */
export const scoreResponseSchema = z.object({
  contactId: z.string(),
  agentId: z.string().optional(),
  score: z.number().int().min(0).max(100),
  deductions: z.array(deductionSchema),
  standardId: z.string().describe('`etiquette`: the rules of MANUAL ch. 3 as a whole'),
  version: z.string().describe('The standards version the score applied'),
  scoredAt: z.string().describe('When the score was computed (ISO 8601)'),
});

/** The response DTO of `GET /v1/scores/:contactId`, never an entity. */
export type ScoreResponse = z.output<typeof scoreResponseSchema>;

/** `GET /v1/scores/:contactId`'s path. */
export const scoreParams = z.object({ contactId: z.string().min(1).max(200) });
