import { z } from 'zod';

/** `GET /v1/audit/entries?limit=`: how many entries, 1 to 1,000 (out-of-range values are clamped), 100 by default. */
export const auditEntriesQuery = z.object({
  limit: z.coerce
    .number({ message: 'Expected a whole number' })
    .int('Expected a whole number')
    .optional()
    .transform((limit) => Math.min(Math.max(limit ?? 100, 1), 1000)),
});
