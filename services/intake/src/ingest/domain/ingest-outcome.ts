import type { z } from 'zod';
import { eventKey } from './ingest-batch';
import type { ingestConflictSchema, ingestResultSchema } from './ingest-result-schema';

/** A re-sent (source, id) whose content differs from the event kept under it: not stored again. */
export type IngestConflict = z.output<typeof ingestConflictSchema>;

/** What an ingest request answers (see `ingestResultSchema`, which the API documents). */
export type IngestResult = z.output<typeof ingestResultSchema>;

/** How the store left one (source, id) of a request. */
export interface StoredKey {
  /** Stored now, on behalf of this request. */
  stored: boolean;
  /** Hash of the content kept under the key: this request's when stored now; null for rows kept before hashes were. */
  keptHash: string | null;
}

export interface HashedEvent {
  id: string;
  source: string;
  hash: string;
}

/**
 * What a re-send with changed content is: a conflict to report, or, for entry points whose
 * platforms re-deliver updated records under the same derived ids by design, a duplicate.
 */
export type ChangedResends = 'conflict' | 'duplicate';

/**
 * Sorts a request's events, in order, by what the store did with their keys: the first event of
 * a key stored now is accepted; any other is a duplicate when its content matches what is kept
 * (or what is kept has no hash: it predates them), and a conflict otherwise (unless told to
 * count changed re-sends as duplicates).
 */
export function partitionOutcomes(events: readonly HashedEvent[], stored: ReadonlyMap<string, StoredKey>, changed: ChangedResends = 'conflict'): IngestResult {
  const result: Required<IngestResult> = { accepted: [], duplicates: [], conflicts: [] };
  const claimed = new Set<string>();
  for (const event of events) {
    const key = eventKey(event);
    const outcome = stored.get(key);
    if (!outcome) throw new Error(`the store reported nothing for event ${event.id} from ${event.source}`);
    if (outcome.stored && !claimed.has(key)) result.accepted.push(event.id);
    else if (outcome.keptHash === null || outcome.keptHash === event.hash || changed === 'duplicate') result.duplicates.push(event.id);
    else result.conflicts.push({ id: event.id, source: event.source, status: 409, detail: conflictDetail(event) });
    claimed.add(key);
  }
  const { conflicts, ...answer } = result;
  return conflicts.length > 0 ? { ...answer, conflicts } : answer;
}

export function conflictDetail(event: { id: string; source: string }): string {
  return `event '${event.id}' from source '${event.source}' was already accepted with different content; it was not stored again (send a change as a new event with its own id)`;
}
