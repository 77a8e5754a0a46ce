import { keepDigits, type NumberMatch } from './number-match';

/** Mainland mobile numbers: 1[3-9] and nine more digits, optionally after 86, +86 or 0086. */
const MOBILE = /^((?:00)?86)?1[3-9]\d{9}$/;

/**
 * Keeps the country prefix, the first three and the last four (138****5678, the usual display).
 * A leading + changes nothing: +13812345678 is a mistyped mainland number or a North American
 * one (+1 415 555 0123), personal data either way.
 */
export function matchMobile(digits: string): NumberMatch | null {
  const match = MOBILE.exec(digits);
  if (!match) return null;
  const prefix = match[1]?.length ?? 0;
  return { kind: 'mobile', keep: keepDigits(digits.length, (i) => i < prefix + 3 || i >= digits.length - 4) };
}
