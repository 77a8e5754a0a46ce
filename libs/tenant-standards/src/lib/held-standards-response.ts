import { z } from 'zod';
import type { JsonOf } from '@hotline/platform';
import type { HeldStandardsView } from './held-standards';

const instant = z.iso.datetime({ offset: true });

/** `GET /v1/standards`: the tenant's versions this service holds, and the set in force at `at`. */
export const heldStandardsSchema = z.object({
  tenantId: z.string(),
  at: instant,
  inForce: z.object({
    version: z.string().describe("What verdicts record as standardVersion: '1' (built-in) or e.g. 'acme:3@1'"),
    tenantVersion: z.string().nullable().describe("The tenant's version applied, null when only the built-in standards are in force"),
    effectiveFrom: instant,
  }),
  versions: z.array(
    z.object({
      tenantId: z.string(),
      version: z.string(),
      effectiveFrom: instant,
      standards: z.record(z.string(), z.looseObject({ kind: z.enum(['deadline', 'ratio', 'phrases', 'count']) })),
      receivedAt: instant,
      inForce: z.boolean(),
    }),
  ),
});

// Compile-time: what the service returns, sent as JSON, is what the schema documents.
const _matches = (view: JsonOf<HeldStandardsView>): z.output<typeof heldStandardsSchema> => view;
