import { createHash } from 'node:crypto';
import type { AuditRecord } from './audit-record';

/** The first entry of a tenant's chain links to this. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * How an entry's hash was computed: 1 for entries written before actor, subject and position were
 * kept (they are not covered), 2 since. New entries are always written with the current version.
 */
export type HashVersion = 1 | 2;
export const CURRENT_HASH_VERSION: HashVersion = 2;

/** An entry in its place in the tenant's chain: `position` counts from 1, `prevHash` is the hash before it. */
export interface ChainedAuditEntry extends AuditRecord {
  position: number;
  hashVersion: HashVersion;
  prevHash: string;
  hash: string;
}

/** Where a tenant's chain ends: the next entry gets `position + 1` and links to `hash`. */
export interface ChainHead {
  position: number;
  hash: string;
}

export const EMPTY_CHAIN: ChainHead = { position: 0, hash: GENESIS_HASH };

/**
 * Each entry's hash covers the previous entry's hash, its position and its own fields, so changing,
 * removing or reordering any entry breaks the chain from there on (manual ch. 7.4).
 */
export function chainHash(version: HashVersion, prevHash: string, position: number, record: AuditRecord): string {
  const { tenantId, eventId, type, occurredAt, source, payloadDigest, actor, subject } = record;
  const covered =
    version === 1
      ? [prevHash, tenantId, eventId, type, occurredAt, source, payloadDigest]
      : ['v2', prevHash, position, tenantId, eventId, type, occurredAt, source, payloadDigest, actor, subject];
  return createHash('sha256').update(JSON.stringify(covered)).digest('hex');
}

/** Links records, in order, after the head: a batch becomes consecutive entries of the chain. */
export function linkEntries(head: ChainHead, records: readonly AuditRecord[]): ChainedAuditEntry[] {
  const entries: ChainedAuditEntry[] = [];
  let { position, hash } = head;
  for (const record of records) {
    position += 1;
    const entry: ChainedAuditEntry = { ...record, position, hashVersion: CURRENT_HASH_VERSION, prevHash: hash, hash: chainHash(CURRENT_HASH_VERSION, hash, position, record) };
    entries.push(entry);
    hash = entry.hash;
  }
  return entries;
}
