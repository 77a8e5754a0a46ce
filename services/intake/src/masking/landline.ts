import { keepDigits, type NumberMatch } from './number-match';

/**
 * Mainland fixed-line numbers. Always with an area code, so timestamps, amounts and order numbers
 * are not taken for phones: the national form 0 + area code (10, 2X, or three digits from 3–9)
 * and a 7–8 digit local number not starting with 0 (010-12345678, (0755) 1234-5678, 021 6123 4567), or
 * the international form +86 / 0086 without the 0 (+86 10 12345678). Extensions stay as they are.
 */
const AREA = '(10|2\\d|[3-9]\\d{2})';
const LOCAL = '([1-9]\\d{6,7})';
const NATIONAL = new RegExp(`^()0${AREA}${LOCAL}$`);
const INTERNATIONAL = new RegExp(`^(86|0086)${AREA}${LOCAL}$`);

/** Keeps the country prefix, the area code and the last half of the local number (010-****5678). */
export function matchLandline(digits: string, plus: boolean): NumberMatch | null {
  const match = (plus ? null : NATIONAL.exec(digits)) ?? INTERNATIONAL.exec(digits);
  if (!match) return null;
  const [, country, , local] = match;
  if (country === '86' && !plus) return null; // a bare 86… is too ambiguous without the +
  if (country === '0086' && plus) return null;
  const kept = digits.length - Math.floor(local.length / 2);
  const visiblePrefix = digits.length - local.length;
  return { kind: 'landline', keep: keepDigits(digits.length, (i) => i < visiblePrefix || i >= kept) };
}
