import { type ChainedAuditEntry, chainHash, GENESIS_HASH } from './audit-chain';
import { anchorSignatureMatches, type ChainAnchor, GENESIS_SIGNATURE } from './chain-anchor';

/** An entry as stored: its place in the table (`seq`, a bigint as a string) and in the chain. */
export interface StoredAuditEntry extends ChainedAuditEntry {
  seq: string;
  recordedAt: Date;
}

/** The first entry found broken, and why. */
export interface ChainBreak {
  seq: string;
  eventId: string;
  reason: string;
}

export type ChainVerdict =
  | { intact: true; entries: number; anchors: number }
  | { intact: false; entries: number; anchors: number; brokenAt: { seq: string; eventId: string }; reason: string };

export const BREAK_REASONS = {
  altered: 'entry was altered (its hash does not match its fields)',
  link: 'link to the previous entry does not match (an entry before it was removed, moved or rewritten)',
  position: 'entry is out of place (entries were removed or reordered)',
  anchorMismatch: 'entry does not match its signed anchor (the chain was rewritten up to here)',
  anchorSignature: 'anchor signature does not match (the anchor was forged or altered)',
  anchorLink: 'anchor does not follow the previous anchor (an anchor was removed)',
  anchoredEntryMissing: 'the entry this anchor signed is missing (entries were removed)',
} as const;

/**
 * Walks a tenant's chain in seq order, one page at a time, so memory stays bounded whatever its
 * length: `checkPage` takes each page with the anchors whose seq falls within it, `finish` the
 * anchors past the last entry. The first break stops the walk.
 */
export class ChainVerification {
  private expectedPrevHash = GENESIS_HASH;
  private expectedPosition = 1;
  private previousSignature = GENESIS_SIGNATURE;
  private entries = 0;
  private anchors = 0;

  constructor(private readonly anchorKey: Buffer) {}

  /** Entries in seq order, after the previous page's; anchors whose seq is after it and up to this page's last. */
  checkPage(entries: readonly StoredAuditEntry[], anchors: readonly ChainAnchor[]): ChainBreak | undefined {
    const pending = [...anchors].sort((a, b) => compareSeq(a.seq, b.seq));
    for (const entry of entries) {
      if (pending.length > 0 && compareSeq(pending[0].seq, entry.seq) < 0) return missingEntry(pending[0]);
      const broken = this.checkEntry(entry);
      if (broken) return broken;
      if (pending.length > 0 && pending[0].seq === entry.seq) {
        const anchorBroken = this.checkAnchor(pending.shift() as ChainAnchor, entry);
        if (anchorBroken) return anchorBroken;
      }
      this.entries += 1;
    }
    return pending.length > 0 ? missingEntry(pending[0]) : undefined;
  }

  /** The verdict once every page was checked (or one broke): `after` are the anchors past the last entry. */
  finish(broken: ChainBreak | undefined, after: readonly ChainAnchor[] = []): ChainVerdict {
    const counts = { entries: this.entries, anchors: this.anchors };
    const found = broken ?? (after.length > 0 ? missingEntry(after[0]) : undefined);
    if (!found) return { intact: true, ...counts };
    return { intact: false, ...counts, brokenAt: { seq: found.seq, eventId: found.eventId }, reason: found.reason };
  }

  private checkEntry(entry: StoredAuditEntry): ChainBreak | undefined {
    if (entry.position !== this.expectedPosition) return at(entry, BREAK_REASONS.position);
    if (entry.prevHash !== this.expectedPrevHash) return at(entry, BREAK_REASONS.link);
    if (entry.hash !== chainHash(entry.hashVersion, entry.prevHash, entry.position, entry)) return at(entry, BREAK_REASONS.altered);
    this.expectedPrevHash = entry.hash;
    this.expectedPosition += 1;
    return undefined;
  }

  private checkAnchor(anchor: ChainAnchor, entry: StoredAuditEntry): ChainBreak | undefined {
    if (anchor.tenantId !== entry.tenantId || !anchorSignatureMatches(this.anchorKey, anchor)) return at(entry, BREAK_REASONS.anchorSignature);
    if (anchor.prevSignature !== this.previousSignature) return at(entry, BREAK_REASONS.anchorLink);
    if (anchor.hash !== entry.hash || anchor.position !== entry.position || anchor.eventId !== entry.eventId) return at(entry, BREAK_REASONS.anchorMismatch);
    this.previousSignature = anchor.signature;
    this.anchors += 1;
    return undefined;
  }
}

function at(entry: StoredAuditEntry, reason: string): ChainBreak {
  return { seq: entry.seq, eventId: entry.eventId, reason };
}

function missingEntry(anchor: ChainAnchor): ChainBreak {
  return { seq: anchor.seq, eventId: anchor.eventId, reason: BREAK_REASONS.anchoredEntryMissing };
}

/** Seqs are bigints as strings: compare them as numbers, not text. */
export function compareSeq(a: string, b: string): number {
  const diff = BigInt(a) - BigInt(b);
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}
