/**
 * E-mail addresses (ASCII local part and domain), also glued to Chinese text
 * (邮箱是zhang.san@example.com谢谢). The local part leaves out '*' so a masked address
 * (z***@example.com) is never found again.
 */
const EMAIL =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}(?![A-Za-z0-9-])/g;

export interface EmailSpan {
  start: number;
  /** Index of the '@'. */
  at: number;
  end: number;
}

/** E-mail addresses in `latin` (the text with full-width forms folded, same indices as the text). */
export function findEmails(latin: string): EmailSpan[] {
  const spans: EmailSpan[] = [];
  for (const match of latin.matchAll(EMAIL)) {
    const start = match.index;
    spans.push({ start, at: start + match[0].indexOf('@'), end: start + match[0].length });
  }
  return spans;
}

/** Keeps the first character of the local part and the domain: z***@example.com. */
export function maskEmail(original: string, span: EmailSpan): string {
  return original[span.start] + '***' + original.slice(span.at, span.end);
}
