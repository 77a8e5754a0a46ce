import { eventKey } from './ingest-batch';
import type { StoredKey } from './ingest-outcome';

/** One event row: inserted by the store's statement, or kept before under a key it was sent. */
export interface KeptRow {
  tenantId: string;
  source: string;
  id: string;
  hash: string | null;
  insertedNow: boolean;
}

export interface KeyedRequest {
  tenantId: string;
  events: readonly { id: string; source: string }[];
}

/** One string for a tenant's (source, id). */
export function tenantEventKey(tenantId: string, event: { id: string; source: string }): string {
  return JSON.stringify([tenantId, eventKey(event)]);
}

/** The keys of a group's events that no row accounts for (those its statement did not insert), each once. */
export function unaccountedKeys(group: readonly KeyedRequest[], rows: readonly KeptRow[]): { tenantId: string; source: string; id: string }[] {
  const known = new Set(rows.map((row) => tenantEventKey(row.tenantId, row)));
  const missing = new Map<string, { tenantId: string; source: string; id: string }>();
  for (const { tenantId, events } of group) {
    for (const { id, source } of events) {
      const key = tenantEventKey(tenantId, { id, source });
      if (!known.has(key)) missing.set(key, { tenantId, source, id });
    }
  }
  return [...missing.values()];
}

/**
 * What each request of a group commit gets for its keys (by `eventKey`): a key inserted now belongs
 * to the first request that sent it; any later sender, like the sender of a key kept before, gets
 * the hash that is kept (null for a row older than hashes, or one no row accounts for).
 */
export function storedKeysByRequest(group: readonly KeyedRequest[], rows: readonly KeptRow[]): Map<string, StoredKey>[] {
  const kept = new Map(rows.map((row) => [tenantEventKey(row.tenantId, row), row]));
  const claimed = new Set<string>();
  return group.map(({ tenantId, events }) => {
    const mine = new Map<string, StoredKey>();
    for (const event of events) {
      const key = tenantEventKey(tenantId, event);
      const row = kept.get(key);
      const insertedForMe = row?.insertedNow === true && !claimed.has(key);
      if (insertedForMe) claimed.add(key);
      if (!mine.has(eventKey(event))) mine.set(eventKey(event), { stored: insertedForMe, keptHash: row?.hash ?? null });
    }
    return mine;
  });
}
