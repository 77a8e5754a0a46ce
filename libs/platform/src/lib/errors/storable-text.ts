import type { ProblemFieldError } from './problem';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why `text` cannot be stored as PostgreSQL text or jsonb, or undefined when it can: PostgreSQL
 * refuses NUL (a 500 from whichever query first sees it), and a lone UTF-16 surrogate is no Unicode
 * (jsonb refuses its escape; text gets U+FFFD instead, silently).
 */
export function unstorableTextReason(text: string): string | undefined {
  if (text.includes('\0')) return 'must not contain NUL (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'must not contain a lone UTF-16 surrogate';
  return undefined;
}

/** `text` with each NUL and lone surrogate replaced by U+FFFD, e.g. to name an unusable key in an error. */
export function printableText(text: string): string {
  return text.replace(/\0/g, '\uFFFD').replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD');
}

/**
 * Every string and key in a JSON-like value that PostgreSQL cannot store, by dotted path from the
 * value (`conversations.0.participants.1.purpose`; a bad key is named with U+FFFD in its place), at
 * most `limit` of them. Iterative, like the depth check, and in document order.
 */
export function unstorableTextErrors(value: unknown, limit = 20): ProblemFieldError[] {
  const errors: ProblemFieldError[] = [];
  // A key is checked when its entry comes up, so errors follow the document's order.
  const pending: Array<{ value: unknown; path: string; key?: string }> = [{ value, path: '' }];
  const join = (path: string, step: string) => (path ? `${path}.${step}` : step);
  for (let next = pending.pop(); next && errors.length < limit; next = pending.pop()) {
    const { value: current, path, key } = next;
    const keyReason = key === undefined ? undefined : unstorableTextReason(key);
    if (keyReason) errors.push({ path, message: `the name ${keyReason}` });
    if (typeof current === 'string') {
      const reason = unstorableTextReason(current);
      if (reason) errors.push({ path, message: reason });
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) pending.push({ value: current[i], path: join(path, String(i)) });
    } else if (typeof current === 'object' && current !== null) {
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [name, item] = entries[i];
        pending.push({ value: item, path: join(path, printableText(name)), key: name });
      }
    }
  }
  return errors.slice(0, limit);
}
