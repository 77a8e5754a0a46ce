import { z } from 'zod';
import type { JsonOf } from '@hotline/platform';
import type { ChainVerdict } from './domain/chain-verification';

const counts = {
  entries: z.number().int().min(0).describe('Entries found intact (before the break, if any)'),
  anchors: z.number().int().min(0).describe('Signed anchors found intact'),
};

/** `GET /v1/audit/verify`: the chain is intact, or here is the first broken entry and why. */
export const chainVerdictSchema = z.union([
  z.object({ intact: z.literal(true), ...counts }),
  z.object({
    intact: z.literal(false),
    ...counts,
    brokenAt: z.object({ seq: z.string(), eventId: z.string() }).describe('The first entry found broken (or the entry a broken anchor signed)'),
    reason: z.string(),
  }),
]);

// Compile-time: what the use case returns, sent as JSON, is what the schema documents.
const _verdictMatches = (verdict: JsonOf<ChainVerdict>): z.output<typeof chainVerdictSchema> => verdict;
