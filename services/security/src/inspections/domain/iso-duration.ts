/** Weeks, days, hours, minutes, seconds: fixed lengths only (months and years vary, so they are refused). */
const PATTERN = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;
const UNIT_MS = [7 * 86_400_000, 86_400_000, 3_600_000, 60_000, 1_000];

/** An ISO 8601 duration such as `P7D`, `P1W`, `PT12H` or `PT30S`, in milliseconds; undefined when not one, or zero. */
export function isoDurationMs(text: string): number | undefined {
  const match = PATTERN.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) return undefined;
  const ms = match.slice(1).reduce((sum, part, i) => sum + Number(part ?? 0) * UNIT_MS[i], 0);
  return ms > 0 && Number.isSafeInteger(ms) ? ms : undefined;
}
