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

/** The hashes a piece of evidence is judged by. */
export interface EvidenceHashes {
  /** Stored with the evidence when it was collected. */
  recorded: string;
  /** What the stored content hashes to now. */
  actual: string;
  /** What the audit trail's `evidence.add` entry recorded; undefined while that entry is not in the chain (yet). */
  audited?: string;
}

export interface EvidenceVerdict {
  integrity: EvidenceIntegrity;
  /** Why it is tampered; null when intact. */
  reason: string | null;
}

/**
 * A stored blob is intact while it still hashes to what was recorded when it was collected, and that
 * record is still the one the audit trail kept: rewriting both the blob and its stored hash is caught.
 */
export function integrityOf({ recorded, actual, audited }: EvidenceHashes): EvidenceVerdict {
  if (audited !== undefined && audited !== recorded) {
    return { integrity: 'tampered', reason: `the stored sha256 ${recorded} is not the ${audited} the audit trail recorded when it was collected` };
  }
  if (actual !== recorded) return { integrity: 'tampered', reason: `the stored content hashes to ${actual}, not the recorded ${recorded}` };
  return { integrity: 'intact', reason: null };
}
