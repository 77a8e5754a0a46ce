import { z } from 'zod';

/** A re-sent (source, id) whose content differs from the event kept under it: not stored again. */
export const ingestConflictSchema = z.object({
  id: z.string(),
  source: z.string(),
  status: z.literal(409),
  detail: z.string(),
});

/**
 * What an ingest request answers: the ids stored now (and so published), the ids that were already
 * kept with the same content, and, only when there are any, the re-sends that differ from what was
 * kept (absent otherwise, so the long-standing `{accepted, duplicates}` answer is unchanged).
 */
export const ingestResultSchema = z.object({
  accepted: z.array(z.string()).describe('Ids of the events stored now, and so published'),
  duplicates: z.array(z.string()).describe('Ids of events already kept with the same content: not stored or published again'),
  conflicts: z
    .array(ingestConflictSchema)
    .optional()
    .describe('Only in a batch, and only when there are any: events already kept with different content, not stored again'),
});
