/**
 * A query value usable as a tenant, queue or agent: one value, 1–200 characters. Anything else
 * (missing, repeated, empty, too long) is none.
 */
export function usableQueryText(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : undefined;
}
