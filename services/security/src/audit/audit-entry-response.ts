import { z } from 'zod';
import type { JsonOf } from '@hotline/platform';
import type { StoredAuditEntry } from './domain/chain-verification';

/** One entry of a tenant's audit chain. */
export const auditEntrySchema = z.object({
  seq: z.string().describe('Place in the table (a bigint, as a string); the chain is verified in this order'),
  position: z.number().int().min(1).describe("Place in the tenant's chain, from 1"),
  tenantId: z.string(),
  eventId: z.string(),
  type: z.string(),
  source: z.string(),
  occurredAt: z.string().describe("The event's time, as received"),
  actor: z.string().nullable().describe('Who acted, where the event says'),
  subject: z.string().nullable().describe('What was acted on: the record the event is about'),
  payloadDigest: z.string().describe('SHA-256 of the event as received'),
  hashVersion: z.union([z.literal(1), z.literal(2)]).describe('1: entries written before actor, subject and position were hashed'),
  prevHash: z.string(),
  hash: z.string(),
  recordedAt: z.iso.datetime(),
});

/** `GET /v1/audit/entries`: a page of entries, newest first. */
export const auditEntryPageSchema = z.object({
  items: z.array(auditEntrySchema),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last'),
});

export type AuditEntryPage = z.output<typeof auditEntryPageSchema>;

// Compile-time: a stored entry, sent as JSON, is what the schema documents.
const _entryMatches = (entry: JsonOf<StoredAuditEntry>): z.output<typeof auditEntrySchema> => entry;
