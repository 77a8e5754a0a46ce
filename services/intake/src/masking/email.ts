/**
 * E-mail addresses (ASCII local part and domain), also glued to Chinese text
 * (邮箱是zhang.san@example.com谢谢). The local part leaves out '*' so a masked address
 * (z***@example.com) is never found again.
 */
const EMAIL =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}(?![A-Za-z0-9-])/g;

/**
 * The same address escaped on its way through a URL or an identity field: percent-encoded, once or
 * twice (`agent%40example.com`, `a%40example%2Ecom`, `agent%2540example.com`) or Twilio's client-identity escaping
 * (`alice_40example_2Ecom`, where `_40` is '@' and `_2E` is '.'), also right after another escape
 * (`client%3Aalice_40…`, `mailto%253Aalice%2540…`).
 */
const ENCODED_EMAIL =
  /(?:(?<![A-Za-z0-9._%+-])|(?<=%(?:25)?[0-9A-Fa-f]{2})(?<!%25))([A-Za-z0-9._+-]+?)(?:%(?:25)?40|_40)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.|%(?:25)?2[Ee]|_2[Ee]))+[A-Za-z]{2,63}(?![A-Za-z0-9-])/g;

export interface EmailSpan {
  start: number;
  /** Index of the '@'. */
  at: number;
  end: number;
}

/**
 * E-mail addresses in `latin` (the text with full-width forms folded, same indices as the text),
 * plain or escaped, in order and never overlapping.
 */
export function findEmails(latin: string): EmailSpan[] {
  const spans: EmailSpan[] = [];
  for (const match of latin.matchAll(EMAIL)) {
    const start = match.index;
    spans.push({ start, at: start + match[0].indexOf('@'), end: start + match[0].length });
  }
  if (!latin.includes('40')) return spans;
  for (const match of latin.matchAll(ENCODED_EMAIL)) {
    const start = match.index;
    const end = start + match[0].length;
    if (spans.some((s) => start < s.end && s.start < end)) continue;
    spans.push({ start, at: start + match[1].length, end }); // the escape that ended the local part
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Keeps the first character of the local part and the domain: z***@example.com, a***_40example_2Ecom. */
export function maskEmail(original: string, span: EmailSpan): string {
  return original[span.start] + '***' + original.slice(span.at, span.end);
}
