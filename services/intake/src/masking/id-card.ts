import { keepDigits, type NumberMatch } from './number-match';

/**
 * Mainland resident ID numbers (公民身份号码, GB 11643-1999):
 * - 18 characters: 6-digit address code, birth date YYYYMMDD (positions 7–14), 3-digit sequence,
 *   and an ISO 7064 MOD 11-2 check character (0–9 or X). The 2023 foreigner's permanent residence
 *   ID uses the same layout and check but starts with 9; it is masked too.
 * - 15 digits (first-generation cards, issued until 2004): address code, birth date YYMMDD (19YY),
 *   3-digit sequence, no check digit. It cannot be validated, but it converts mechanically to the
 *   holder's current 18-digit number, so a plausible one (known province, real date) is masked.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/** Province-level address codes: the 31 mainland ones; 71/81/82/83 for residence permits. */
const MAINLAND_PROVINCES = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65'.split(' '),
);
const PERMIT_PROVINCES = new Set(['71', '81', '82', '83']);

/** The MOD 11-2 check character of the first 17 digits. */
export function idCardCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** An 18-character number with a known address code, a birth date in 1900–2099 and a valid check character. */
export function isValidIdCardNumber(value: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(value)) return false;
  const province = value.slice(0, 2);
  if (value[0] !== '9' && !MAINLAND_PROVINCES.has(province) && !PERMIT_PROVINCES.has(province)) return false;
  const year = Number(value.slice(6, 10));
  if (year < 1900 || year > 2099 || !isRealDate(year, Number(value.slice(10, 12)), Number(value.slice(12, 14)))) {
    return false;
  }
  return idCardCheckCharacter(value) === value[17].toUpperCase();
}

/** A 15-digit number with a mainland province code and a real 19YY birth date. */
export function isPlausibleLegacyIdCardNumber(value: string): boolean {
  if (!/^\d{15}$/.test(value) || !MAINLAND_PROVINCES.has(value.slice(0, 2))) return false;
  return isRealDate(1900 + Number(value.slice(6, 8)), Number(value.slice(8, 10)), Number(value.slice(10, 12)));
}

/**
 * Nothing of an ID number stays readable: the address code and birth date identify the person, and
 * the last four (身份证后四位) are a common verification answer on the phone.
 */
export function matchIdCard(digits: string): NumberMatch | null {
  if (!isValidIdCardNumber(digits) && !isPlausibleLegacyIdCardNumber(digits)) return null;
  return { kind: 'id_card', keep: keepDigits(digits.length, () => false) };
}
