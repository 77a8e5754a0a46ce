import { z } from 'zod';
import type { ContactTally } from './domain/contact-tally';

/** One queue's contact counts for a UTC day. */
export const contactTallySchema = z.object({
  tenantId: z.string(),
  queue: z.string(),
  day: z.string().describe('UTC day, YYYY-MM-DD'),
  queued: z.number().int().min(0),
  answered: z.number().int().min(0),
  abandoned: z.number().int().min(0),
  ended: z.number().int().min(0),
});

/** The response DTO: what `GET /v1/kpis/contact-tallies` answers for each queue, never an entity. */
export type ContactTallyResponse = z.output<typeof contactTallySchema>;

// Compile-time: a domain tally maps to the documented response as it is.
const _matches = (tally: ContactTally): ContactTallyResponse => tally;
