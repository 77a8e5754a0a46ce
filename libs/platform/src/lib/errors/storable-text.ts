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
