import { keepDigits, type NumberMatch } from './number-match';

/**
 * Bank-card numbers (ISO/IEC 7812 PANs): 13–19 digits passing the Luhn check, issued under a
 * payment-card prefix — 2221–2720 (Mastercard 2-series), 3 (Amex, JCB, Diners), 4 (Visa),
 * 5 (Mastercard), 6 (UnionPay 62…, Discover) and 9 (older domestic cards such as 9558…).
 * Requiring a prefix keeps the commonest look-alikes out: epoch-millisecond timestamps (1…),
 * date-prefixed order numbers (20YY…), SIM ICCIDs (89…) and anything starting with 0.
 */

export function isLuhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export function hasPaymentCardPrefix(digits: string): boolean {
  if ('34569'.includes(digits[0])) return true;
  const four = Number(digits.slice(0, 4));
  return digits[0] === '2' && four >= 2221 && four <= 2720;
}

export function isBankCardNumber(digits: string): boolean {
  return /^\d{13,19}$/.test(digits) && hasPaymentCardPrefix(digits) && isLuhnValid(digits);
}

/** Keeps the last four (尾号, what banks print on statements and text messages). */
export function matchBankCard(digits: string): NumberMatch | null {
  if (!isBankCardNumber(digits)) return null;
  return { kind: 'bank_card', keep: keepDigits(digits.length, (i) => i >= digits.length - 4) };
}
