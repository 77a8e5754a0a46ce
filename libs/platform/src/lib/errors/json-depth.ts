/**
 * The deepest nesting a request body may have: the body itself is level 1, each object or array
 * inside it one more. Code that walks a body recursively (zod, masking, JSON.stringify) overflows
 * the stack a few thousand levels down, a 500; real payloads stay far below this.
 */
export const MAX_JSON_DEPTH = 1000;

/**
 * Whether `value` nests objects or arrays deeper than `maxDepth` levels. Iterative (an explicit
 * stack), so it cannot itself overflow on the input it exists to refuse; it stops at the first
 * container past the limit.
 */
export function exceedsJsonDepth(value: unknown, maxDepth = MAX_JSON_DEPTH): boolean {
  const pending: Array<[unknown, number]> = [[value, 1]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [current, depth] = next;
    if (typeof current !== 'object' || current === null) continue;
    if (depth > maxDepth) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (typeof child === 'object' && child !== null) pending.push([child, depth + 1]);
    }
  }
  return false;
}
