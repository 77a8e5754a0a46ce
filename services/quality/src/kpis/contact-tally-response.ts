import { z } from 'zod';
import type { JsonOf } from '@hotline/platform';
import type { ContactTallyEntity } from './contact-tally.entity';

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

// Compile-time: what the service returns, sent as JSON, is what the schema documents.
const _matches = (tally: JsonOf<ContactTallyEntity>): z.output<typeof contactTallySchema> => tally;
