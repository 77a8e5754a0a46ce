import { replaceUnstorableText } from '@hotline/contracts';

/** `text` with each NUL and lone surrogate replaced by U+FFFD, e.g. to name an unusable key in an error. */
export function printableText(text: string): string {
  return replaceUnstorableText(text, () => '\uFFFD');
}
