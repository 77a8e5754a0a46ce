/** One server-sent event: `id`, `event` and `data` lines, then a blank line (WHATWG HTML, "Server-sent events"). */
export interface SseEvent {
  id: string;
  event: string;
  data: unknown;
}

/**
 * The frame of an event. `data` is JSON, which has no raw newlines; a field value with one would
 * end the field early, so every line of the text gets its own `data:` line all the same.
 */
export function sseFrame({ id, event, data }: SseEvent): string {
  const dataLines = JSON.stringify(data)
    .split(/\r\n|\r|\n/)
    .map((line) => `data: ${line}\n`)
    .join('');
  return `id: ${singleLine(id)}\nevent: ${singleLine(event)}\n${dataLines}\n`;
}

/** A comment line: clients ignore it, proxies see traffic and keep the connection open. */
export function sseComment(text: string): string {
  return `: ${singleLine(text)}\n\n`;
}

/** The reconnection delay a client should use. */
export function sseRetry(ms: number): string {
  return `retry: ${Math.max(0, Math.round(ms))}\n\n`;
}

function singleLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

/**
 * The `Last-Event-ID` a client sent back: a log id (a positive integer), `undefined` when absent
 * or empty (a fresh connection), `null` when it is not one of our ids.
 */
export function parseLastEventId(header: string | undefined): number | undefined | null {
  if (header === undefined || header.trim() === '') return undefined;
  const text = header.trim();
  if (!/^\d{1,15}$/.test(text)) return null;
  return Number(text);
}
