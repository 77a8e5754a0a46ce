import { z } from 'zod';
import type { JsonOf } from '@hotline/platform';
import type { AuditEntryEntity } from './audit-entry.entity';
import type { ChainVerdict } from './domain/audit-chain';

/** One entry of a tenant's audit chain. */
export const auditEntrySchema = z.object({
  seq: z.string().describe('Position in the chain (a bigint, as a string)'),
  tenantId: z.string(),
  eventId: z.string(),
  type: z.string(),
  source: z.string(),
  occurredAt: z.string().describe("The event's time"),
  payloadDigest: z.string(),
  prevHash: z.string(),
  hash: z.string(),
  recordedAt: z.iso.datetime(),
});

/** `GET /v1/audit/verify`: whether the chain is intact, and if not the first broken entry. */
export const chainVerdictSchema = z.union([
  z.object({ intact: z.literal(true), entries: z.number().int().min(0) }),
  z.object({
    intact: z.literal(false),
    entries: z.number().int().min(0),
    brokenAt: z.number().int().min(0).describe('Index of the first entry that was tampered with'),
    reason: z.string(),
  }),
]);

// Compile-time: what the service returns, sent as JSON, is what the schemas document.
const _entryMatches = (entry: JsonOf<AuditEntryEntity>): z.output<typeof auditEntrySchema> => entry;
const _verdictMatches = (verdict: JsonOf<ChainVerdict>): z.output<typeof chainVerdictSchema> => verdict;
