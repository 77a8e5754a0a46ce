/** Most events one request may carry; beyond it the client must split the batch. */
export const MAX_EVENTS_PER_REQUEST = 1000;

export type BatchShape =
  | { ok: true; items: unknown[]; batch: boolean }
  | { ok: false; message: string; tooLarge?: true };

/**
 * Reads the events out of a request body: one event object, `{"events": [...]}`, or a bare
 * array (the CloudEvents JSON batch format, `application/cloudevents-batch+json`).
 */
export function readBatch(body: unknown): BatchShape {
  if (Array.isArray(body)) return sized(body);
  if (body !== null && typeof body === 'object') {
    const events = (body as { events?: unknown }).events;
    if (events === undefined) return { ok: true, items: [body], batch: false };
    if (Array.isArray(events)) return sized(events);
    return { ok: false, message: '`events` must be an array of events' };
  }
  return { ok: false, message: 'the body must be an event object, {"events": [...]}, or an array of events' };
}

function sized(items: unknown[]): BatchShape {
  if (items.length === 0) return { ok: false, message: 'the batch holds no events' };
  if (items.length > MAX_EVENTS_PER_REQUEST) {
    return { ok: false, tooLarge: true, message: `a batch holds at most ${MAX_EVENTS_PER_REQUEST} events; this one has ${items.length}: split it` };
  }
  return { ok: true, items, batch: true };
}

/** Splits ids into those stored now and those already accepted before (or earlier in this batch). */
export function partitionByFreshness(ids: readonly string[], stored: ReadonlySet<string>): { accepted: string[]; duplicates: string[] } {
  const accepted: string[] = [];
  const duplicates: string[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    if (stored.has(id) && !seen.has(id)) accepted.push(id);
    else duplicates.push(id);
    seen.add(id);
  }
  return { accepted, duplicates };
}

/** The first event of each id, in order: a batch that repeats an id stores and publishes it once. */
export function firstOfEachId<T extends { id: string }>(events: readonly T[]): T[] {
  const seen = new Set<string>();
  return events.filter((e) => !seen.has(e.id) && Boolean(seen.add(e.id)));
}
