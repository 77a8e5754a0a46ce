import { z } from 'zod';
import { verifyCustody } from './domain/custody-chain';
import { integrityOf } from './domain/evidence';
import type { ChainedCustodyEntry, StoredEvidence } from './evidence.repository';

const timestamp = z.iso.datetime();
const actorSchema = z.object({ id: z.string(), kind: z.string(), roles: z.array(z.string()) });

const custodySchema = z.object({
  at: timestamp,
  actor: actorSchema,
  action: z.string().describe('collected, accessed (each download), or what a custodian recorded: transferred, sealed, unsealed, examined, returned'),
  to: z.string().nullable(),
  note: z.string().nullable(),
  sha256Observed: z.string().describe('The content’s SHA-256 re-computed at this entry'),
  intact: z.boolean().describe('Whether it matched the SHA-256 recorded at collection'),
  hash: z.string().describe('SHA-256 linking this entry to the one before it'),
});

export const evidenceSchema = z.object({
  id: z.uuid(),
  incidentId: z.uuid(),
  name: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string().describe('Recorded at collection'),
  integrity: z
    .enum(['intact', 'tampered'])
    .describe('`tampered`: the stored content no longer hashes to `sha256`, or `sha256` is not the hash the audit trail recorded at collection (`auditedSha256`)'),
  integrityReason: z.string().nullable().describe('Why it is tampered; null when intact'),
  auditedSha256: z.string().nullable().describe('The SHA-256 the audit trail’s `evidence.add` entry recorded; null until that entry is in the chain'),
  actualSha256: z.string().describe('What the stored content hashes to now'),
  addedAt: timestamp,
  addedBy: actorSchema,
  custody: z.array(custodySchema).describe('Chain of custody, oldest first'),
  custodyIntact: z.boolean().describe('Whether every custody entry still links to the one before it (false: an entry was changed, removed or moved in the database)'),
  custodyFirstBroken: z.number().int().nullable().describe('Index in `custody` of the first entry that does not link; null when intact'),
});

export const evidenceListSchema = z.object({ items: z.array(evidenceSchema) });
export const evidenceDownloadSchema = evidenceSchema.extend({ content: z.string().describe('The stored bytes, base64 (as stored, even when tampered)') });

export type EvidenceResponse = z.output<typeof evidenceSchema>;
export type EvidenceDownload = z.output<typeof evidenceDownloadSchema>;

export function toEvidenceResponse(evidence: StoredEvidence, custody: readonly ChainedCustodyEntry[], auditedSha256?: string): EvidenceResponse {
  const { id, incidentId, name, mediaType, sizeBytes, sha256, actualSha256, addedAt, addedBy } = evidence;
  const chain = verifyCustody(id, custody);
  const verdict = integrityOf({ recorded: sha256, actual: actualSha256, audited: auditedSha256 });
  return {
    id,
    incidentId,
    name,
    mediaType,
    sizeBytes,
    sha256,
    integrity: verdict.integrity,
    integrityReason: verdict.reason,
    auditedSha256: auditedSha256 ?? null,
    actualSha256,
    addedAt: addedAt.toISOString(),
    addedBy,
    custody: custody.map(({ prevHash: _linked, ...entry }) => ({ ...entry, at: entry.at.toISOString() })),
    custodyIntact: chain.intact,
    custodyFirstBroken: chain.intact ? null : chain.firstBroken,
  };
}
