import { unstorableTextReason } from '@hotline/contracts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The one rule, owned by the contracts: PostgreSQL stores no NUL, and jsonb no lone surrogate. */
export { unstorableTextReason };

/** `text` with each NUL and lone surrogate replaced by U+FFFD, e.g. to name an unusable key in an error. */
export function printableText(text: string): string {
  return text.replace(/\0/g, '\uFFFD').replace(LONE_SURROGATE, '\uFFFD');
}
