import { createHash } from 'node:crypto';

/**
 * Attributes left out of an event's content: what identifies it (`id`, `source`: the key it is
 * deduplicated by), and what intake sets per tenant or per request (`tenantid`, `correlationid`,
 * the trace context `traceparent` and `tracestate`), so a faithful re-send under another request
 * hashes the same. `specversion` is always 1.0.
 */
const NOT_CONTENT = new Set(['id', 'source', 'specversion', 'tenantid', 'correlationid', 'traceparent', 'tracestate']);

/**
 * SHA-256 (hex) of the event's content in a canonical form: its type, its time as an instant (so
 * `09:30+08:00` and `01:30Z` are one time), subject, dataversion, data and extension attributes,
 * with object keys sorted. Two sends of one (tenant, source, id) with different hashes conflict.
 */
export function contentHash(event: object): string {
  const content: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(event)) {
    if (NOT_CONTENT.has(name)) continue;
    content[name] = name === 'time' && typeof value === 'string' ? instantOf(value) : value;
  }
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** JSON with every object's keys sorted (what JSON.stringify would omit is omitted). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) sorted[key] = (v as Record<string, unknown>)[key];
    return sorted;
  });
}

const RFC3339 = /^(\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * An RFC 3339 time as the UTC instant it names, keeping every fraction digit (Date keeps only
 * milliseconds; PostgreSQL keeps microseconds): `<epoch seconds>.<fraction>`. A time that is not
 * RFC 3339 (validation refuses those) is kept as it is.
 */
export function instantOf(time: string): string {
  const match = RFC3339.exec(time);
  if (!match) return time;
  const [, dateTime, fraction = '', offset] = match;
  const millis = Date.parse(`${dateTime.replace(/[t ]/, 'T')}${offset.toUpperCase()}`);
  if (Number.isNaN(millis)) return time;
  const digits = fraction.replace(/0+$/, '');
  return digits ? `${millis / 1000}.${digits}` : `${millis / 1000}`;
}
