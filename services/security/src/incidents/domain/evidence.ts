import { createHash } from 'node:crypto';
import { EvidenceHashMismatch, EvidenceTooLarge } from './incident-errors';

/** What the custodian may record by hand; `collected` and `accessed` are recorded by the service itself. */
export const CUSTODY_ACTIONS = ['transferred', 'sealed', 'unsealed', 'examined', 'returned'] as const;
export type CustodyAction = (typeof CUSTODY_ACTIONS)[number] | 'collected' | 'accessed';

export type EvidenceIntegrity = 'intact' | 'tampered';

export function sha256Of(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Evidence is kept only within the size limit and only when the hash the sender computed is its content's. */
export function checkEvidence(content: Buffer, claimedSha256: string, maxBytes: number): string {
  if (content.length > maxBytes) throw new EvidenceTooLarge(content.length, maxBytes);
  const actual = sha256Of(content);
  if (actual !== claimedSha256.toLowerCase()) throw new EvidenceHashMismatch(claimedSha256, actual);
  return actual;
}

/** A stored blob is intact while it still hashes to what was recorded when it was collected. */
export function integrityOf(recordedSha256: string, actualSha256: string): EvidenceIntegrity {
  return recordedSha256 === actualSha256 ? 'intact' : 'tampered';
}
