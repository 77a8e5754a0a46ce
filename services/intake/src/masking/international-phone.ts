import { findNumbers, type PhoneNumber } from 'libphonenumber-js/max';
import type { PiiKind } from './pii-kind';

/** A phone number outside China's numbering plan, found by libphonenumber (Google's metadata). */
export interface InternationalPhoneSpan {
  start: number;
  end: number;
  kind: Extract<PiiKind, 'mobile' | 'landline'>;
  /** How many leading digits stay readable: the country calling code of a `+` number, else none. */
  keepLeading: number;
}

/** Worth asking the library only when there is a `+` before a digit or a North American grouping. */
const CANDIDATE = /\+ ?\(?[0-9]|[0-9]{3}\)? ?[-. ]?[0-9]{3}[-. ][0-9]{4}/;

/**
 * A national number is only taken for North American when written the way it is printed there,
 * `(415) 555-2671`, `415-555-2671` or `415.555.2671`: bare ten-digit runs are too often order numbers.
 */
const NANP_WRITTEN = /^(?:\(\d{3}\) ?|\d{3}[-. ])\d{3}[-. ]\d{4}$/;

/**
 * International numbers (`+44 20 7946 0958`, `+1 415-555-2671`, `sip:+4915123456789@…`) and North
 * American numbers written with their usual grouping, in `latin` (full-width forms already folded).
 * China's own numbers (+86) are left to the Chinese detectors, which know its mobile and area-code
 * shapes and mask them the way Chinese bills do.
 */
export function findInternationalPhones(latin: string): InternationalPhoneSpan[] {
  if (!CANDIDATE.test(latin)) return [];
  const spans: InternationalPhoneSpan[] = [];
  for (const { number, startsAt, endsAt } of findNumbers(latin, { defaultCountry: 'US', v2: true })) {
    const written = latin.slice(startsAt, endsAt);
    const international = written.startsWith('+');
    if (number.countryCallingCode === '86') continue;
    if (!international && !(number.countryCallingCode === '1' && NANP_WRITTEN.test(written))) continue;
    spans.push({
      start: startsAt,
      end: endsAt,
      kind: kindOf(number),
      keepLeading: international ? number.countryCallingCode.length : 0,
    });
  }
  return spans;
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
