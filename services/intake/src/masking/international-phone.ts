import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js/max';
import type { PiiKind } from './pii-kind';

/** A phone number outside China's numbering plan, found by libphonenumber (Google's metadata). */
export interface InternationalPhoneSpan {
  start: number;
  end: number;
  kind: Extract<PiiKind, 'mobile' | 'landline'>;
  /** Index in the text of each digit of the number, escapes' digits excluded. */
  digitAt: number[];
  /** How many leading digits stay readable: the `00` and country calling code of an international number, else none. */
  keepLeading: number;
}

/**
 * Where a number may be: an international prefix and a run of digit groups (`+44 20 7946 0958`,
 * `+1 (415) 555-2671`, `0044 20 7946 0958`), or North American grouping as printed there
 * (`(415) 555-2671`, `415-555-2671`, `415.555.2671`): bare ten-digit runs are too often order
 * numbers; a `00` never continues a digit run (`3789 0060 1344 3046 0` is a card). Cheap to find;
 * the library then judges each. Searched in `plain` (below), where a percent-encoded `+` or space
 * is already one.
 */
const INTERNATIONAL_RUN = /(?:(?<![0-9+])\+ ?|(?<![0-9A-Za-z+])(?<![0-9][ .-])00 ?(?=[1-9]))[0-9](?:(?:\0*[ .-])?\(?[0-9]+\)?)*/g;
const NANP_RUN = /(?<![0-9+(])(?:\([0-9]{3}\) ?|[0-9]{3}[-. ])[0-9]{3}[-. ][0-9]{4}(?![0-9])/g;

/**
 * `latin` with a percent-encoded `+` (`%2B`, double-encoded `%252B`) and space (`%20`, `%2520`)
 * decoded in place, their other characters blanked to `\0`, so indices still point at the
 * original text and an escape's hex digits are never taken for a number's digits
 * (`From=%2B44%2020%207946%200958`).
 */
function decodedPlusAndSpace(latin: string): string {
  if (!latin.includes('%')) return latin;
  return latin.replace(/%(?:25)?2([Bb0])/g, (escape, which: string) => '\0'.repeat(escape.length - 1) + (which === '0' ? ' ' : '+'));
}

/**
 * International numbers (`+44 20 7946 0958`, `0044 20 7946 0958`, `sip:%2B4915123456789@…`) and
 * North American numbers written with their usual grouping, in `latin` (full-width forms already
 * folded), judged by libphonenumber's metadata. China's own numbers (+86, 0086) are left to the
 * Chinese detectors, which know its mobile and area-code shapes and mask them the way Chinese bills do.
 */
export function findInternationalPhones(latin: string): InternationalPhoneSpan[] {
  const spans: InternationalPhoneSpan[] = [];
  const plain = decodedPlusAndSpace(latin);
  if (plain.includes('+') || plain.includes('00')) {
    for (const run of plain.matchAll(INTERNATIONAL_RUN)) {
      if (!dialled(plain, run.index, run[0])) continue;
      const found = longestValidPrefix(run[0]);
      if (found && found.number.countryCallingCode !== '86') {
        const exit = run[0].startsWith('00') ? 2 : 0; // the 00 exit code stays readable with the country code
        spans.push(span(plain, run.index, run.index + found.length, found.number, exit + found.number.countryCallingCode.length));
      }
    }
  }
  for (const run of plain.matchAll(NANP_RUN)) {
    const number = parsePhoneNumberFromString(run[0], 'US');
    if (number?.isValid() && !spans.some((s) => run.index < s.end && s.start < run.index + run[0].length)) {
      spans.push(span(plain, run.index, run.index + run[0].length, number, 0));
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/**
 * A `+` always marks a number; `00` only when the digits are grouped (`0044 20 7946 0958`) or dialled
 * in a URI or parameter (`sip:00442079460958@…`, `To=0044…`): a bare `0012345678901` is as likely
 * a zero-padded order number.
 */
function dialled(plain: string, at: number, run: string): boolean {
  return !run.startsWith('00') || /[^0-9]/.test(run) || /[:=]/.test(plain[at - 1] ?? '');
}

/**
 * The longest valid number at the start of a run, cutting whole groups off its end: a run may
 * carry the next number's digits (`+44 20 7946 0958 138 1234 5678`), and a group is never split.
 */
function longestValidPrefix(run: string): { number: PhoneNumber; length: number } | undefined {
  const prefix = /^(?:\+|00) ?/.exec(run)?.[0].length ?? 0;
  for (let end = run.length; end > prefix; end = lastGroupStart(run, end, prefix)) {
    const number = parsePhoneNumberFromString('+' + run.slice(prefix, end).replaceAll('\0', ''));
    if (number?.isValid()) return { number, length: end };
  }
  return undefined;
}

/** Where the run's last digit group before `end` starts, separators before it dropped (0: none left). */
function lastGroupStart(run: string, end: number, prefix: number): number {
  let at = end;
  while (at > 0 && /[0-9)]/.test(run[at - 1])) at--;
  while (at > 0 && !/[0-9)]/.test(run[at - 1])) at--;
  return at <= prefix ? 0 : at;
}

function span(plain: string, start: number, end: number, number: PhoneNumber, keepLeading: number): InternationalPhoneSpan {
  const digitAt: number[] = [];
  for (let i = start; i < end; i++) if (plain[i] >= '0' && plain[i] <= '9') digitAt.push(i);
  return { start, end, kind: kindOf(number), digitAt, keepLeading };
}

/** Fixed lines are `landline`; mobiles and numbers that may be either (all of North America) are `mobile`. */
function kindOf(number: PhoneNumber): InternationalPhoneSpan['kind'] {
  return number.getType() === 'FIXED_LINE' ? 'landline' : 'mobile';
}

/** Hides every digit but the kept country code and the last four, keeping `+`, spaces, brackets and escapes. */
export function maskInternationalPhone(original: string, span: InternationalPhoneSpan): string {
  const { digitAt } = span;
  const hidden = new Set(digitAt.filter((_, n) => n >= span.keepLeading && n < digitAt.length - 4));
  let masked = '';
  for (let i = span.start; i < span.end; i++) masked += hidden.has(i) ? '*' : original[i];
  return masked;
}
