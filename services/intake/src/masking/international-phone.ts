import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js/max';
import type { PiiKind } from './pii-kind';

/** A phone number outside China's numbering plan, found by libphonenumber (Google's metadata). */
export interface InternationalPhoneSpan {
  start: number;
  end: number;
  kind: Extract<PiiKind, 'mobile' | 'landline'>;
  /** How many leading digits stay readable: the country calling code of a `+` number, else none. */
  keepLeading: number;
}

/**
 * Where a number may be: a `+` and a run of digit groups (`+44 20 7946 0958`, `+1 (415) 555-2671`),
 * or North American grouping as printed there (`(415) 555-2671`, `415-555-2671`, `415.555.2671`):
 * bare ten-digit runs are too often order numbers. Cheap to find; the library then judges each.
 */
const INTERNATIONAL_RUN = /(?<![0-9+])\+ ?[0-9](?:[ .-]?\(?[0-9]+\)?)*/g;
const NANP_RUN = /(?<![0-9+(])(?:\([0-9]{3}\) ?|[0-9]{3}[-. ])[0-9]{3}[-. ][0-9]{4}(?![0-9])/g;

/**
 * International numbers (`+44 20 7946 0958`, `+1 415-555-2671`, `sip:+4915123456789@…`) and North
 * American numbers written with their usual grouping, in `latin` (full-width forms already folded),
 * judged by libphonenumber's metadata. China's own numbers (+86) are left to the Chinese
 * detectors, which know its mobile and area-code shapes and mask them the way Chinese bills do.
 */
export function findInternationalPhones(latin: string): InternationalPhoneSpan[] {
  const spans: InternationalPhoneSpan[] = [];
  if (latin.includes('+')) {
    for (const run of latin.matchAll(INTERNATIONAL_RUN)) {
      const found = longestValidPrefix(run[0]);
      if (found && found.number.countryCallingCode !== '86') {
        spans.push(span(run.index, run.index + found.length, found.number, found.number.countryCallingCode.length));
      }
    }
  }
  for (const run of latin.matchAll(NANP_RUN)) {
    const number = parsePhoneNumberFromString(run[0], 'US');
    if (number?.isValid() && !spans.some((s) => run.index < s.end && s.start < run.index + run[0].length)) {
      spans.push(span(run.index, run.index + run[0].length, number, 0));
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/**
 * The longest valid number at the start of a run, cutting whole groups off its end: a run may
 * carry the next number's digits (`+44 20 7946 0958 138 1234 5678`), and a group is never split.
 */
function longestValidPrefix(run: string): { number: PhoneNumber; length: number } | undefined {
  for (let end = run.length; end > 0; end = lastGroupStart(run, end)) {
    const candidate = run.slice(0, end);
    const number = parsePhoneNumberFromString(candidate);
    if (number?.isValid()) return { number, length: candidate.length };
  }
  return undefined;
}

/** Where the run's last digit group before `end` starts, separators before it dropped (0: none left). */
function lastGroupStart(run: string, end: number): number {
  let at = end;
  while (at > 0 && /[0-9)]/.test(run[at - 1])) at--;
  while (at > 0 && !/[0-9)]/.test(run[at - 1])) at--;
  return at <= 2 ? 0 : at;
}

function span(start: number, end: number, number: PhoneNumber, keepLeading: number): InternationalPhoneSpan {
  return { start, end, kind: kindOf(number), keepLeading };
}

/** Fixed lines are `landline`; mobiles and numbers that may be either (all of North America) are `mobile`. */
function kindOf(number: PhoneNumber): InternationalPhoneSpan['kind'] {
  return number.getType() === 'FIXED_LINE' ? 'landline' : 'mobile';
}

/** Hides every digit but the kept country code and the last four, keeping `+`, spaces and brackets. */
export function maskInternationalPhone(original: string, latin: string, span: InternationalPhoneSpan): string {
  const digitAt: number[] = [];
  for (let i = span.start; i < span.end; i++) if (latin[i] >= '0' && latin[i] <= '9') digitAt.push(i);
  const hidden = new Set(digitAt.filter((_, n) => n >= span.keepLeading && n < digitAt.length - 4));
  let masked = '';
  for (let i = span.start; i < span.end; i++) masked += hidden.has(i) ? '*' : original[i];
  return masked;
}
