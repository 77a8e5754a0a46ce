import { createHash } from 'node:crypto';

/** What the audit trail records about one event; the hash covers exactly these fields. */
export interface AuditRecord {
  tenantId: string;
  eventId: string;
  type: string;
  occurredAt: string;
  source: string;
  /** SHA-256 of the event as received, so the trail proves what was seen without copying it. */
  payloadDigest: string;
}

export interface ChainedAuditRecord extends AuditRecord {
  prevHash: string;
  hash: string;
}

/** The first entry of a tenant's chain links to this. */
export const GENESIS_HASH = '0'.repeat(64);

export function digestPayload(payload: unknown): string {
  return sha256(JSON.stringify(payload));
}

/**
 * Each entry's hash covers the previous entry's hash and its own fields, so changing, removing or
 * reordering any entry breaks every hash after it (manual ch. 7.4: audit trails for inspection).
 */
export function chainHash(prevHash: string, record: AuditRecord): string {
  const { tenantId, eventId, type, occurredAt, source, payloadDigest } = record;
  return sha256(JSON.stringify([prevHash, tenantId, eventId, type, occurredAt, source, payloadDigest]));
}

export function appendToChain(prevHash: string, record: AuditRecord): ChainedAuditRecord {
  return { ...record, prevHash, hash: chainHash(prevHash, record) };
}

export type ChainVerdict = { intact: true; entries: number } | { intact: false; entries: number; brokenAt: number; reason: string };

/** Checks a tenant's entries in chain order; `brokenAt` is the index of the first bad entry. */
export function verifyChain(entries: readonly ChainedAuditRecord[]): ChainVerdict {
  let expectedPrev = GENESIS_HASH;
  for (const [index, entry] of entries.entries()) {
    if (entry.prevHash !== expectedPrev) return broken(entries, index, 'link to the previous entry does not match');
    if (entry.hash !== chainHash(entry.prevHash, entry)) return broken(entries, index, 'entry was altered');
    expectedPrev = entry.hash;
  }
  return { intact: true, entries: entries.length };
}

function broken(entries: readonly unknown[], index: number, reason: string): ChainVerdict {
  return { intact: false, entries: entries.length, brokenAt: index, reason };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
