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

/** A tenant's events are identified by source and id together (CloudEvents); this is that pair as one string. */
export function eventKey(event: { id: string; source: string }): string {
  return JSON.stringify([event.source, event.id]);
}

/**
 * The first event of each (source, id), in order: a batch that repeats one stores and publishes
 * it once. The same id from two sources is two events (CloudEvents identifies by both).
 */
export function firstOfEachKey<T extends { id: string; source: string }>(events: readonly T[]): T[] {
  const seen = new Set<string>();
  return events.filter((e) => {
    const key = eventKey(e);
    return !seen.has(key) && Boolean(seen.add(key));
  });
}
