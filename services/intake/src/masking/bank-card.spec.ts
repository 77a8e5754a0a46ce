import { hasPaymentCardPrefix, isBankCardNumber, isLuhnValid } from './bank-card';
import { maskText } from './mask-text';

/** Appends the digit that makes `body` Luhn-valid. */
const withLuhn = (body: string): string => {
  for (let d = 0; d <= 9; d++) if (isLuhnValid(body + d)) return body + d;
  throw new Error('unreachable');
};

describe('bank-card numbers', () => {
  it('checks Luhn', () => {
    expect(isLuhnValid('4111111111111111')).toBe(true);
    expect(isLuhnValid('4111111111111112')).toBe(false);
    expect(isLuhnValid('79927398713')).toBe(true);
    expect(isLuhnValid('4111 1111')).toBe(false);
  });

  it('needs 13–19 digits under a payment-card prefix', () => {
    expect(isBankCardNumber('6222021234567894')).toBe(true);
    expect(isBankCardNumber('6228480030212345679')).toBe(true);
    expect(isBankCardNumber(withLuhn('222100000000000'))).toBe(true);
    expect(isBankCardNumber(withLuhn('62220212345'))).toBe(false); // 12 digits
    expect(isBankCardNumber(withLuhn('6222021234567890123'))).toBe(false); // 20 digits
    expect(hasPaymentCardPrefix('2026112510300012')).toBe(false);
    expect(hasPaymentCardPrefix('1764115200000')).toBe(false);
    expect(hasPaymentCardPrefix('8986011234567890123')).toBe(false);
  });

  it('masks all but the last four, keeping the grouping', () => {
    expect(maskText('卡号6222021234567894谢谢')).toEqual({ text: '卡号************7894谢谢', found: { bank_card: 1 } });
    expect(maskText('card 6222 0212 3456 7894.').text).toBe('card **** **** **** 7894.');
    expect(maskText('6222-0212-3456-7894').text).toBe('****-****-****-7894');
    expect(maskText('19 digits: 6228 4800 3021 2345 679').text).toBe('19 digits: **** **** **** ***5 679');
  });

  it('masks full-width digits and Chinese numerals', () => {
    expect(maskText('卡号６２２２０２１２３４５６７８９４').text).toBe('卡号************７８９４');
    expect(maskText('卡号是六二二二零二一二三四五六七八九四。').text).toBe('卡号是************七八九四。');
  });

  it('leaves Luhn-invalid numbers and Luhn-valid look-alikes without a card prefix', () => {
    const orderNumber = withLuhn('20261125103000123');
    const epochMillis = withLuhn('176411520000');
    expect(isLuhnValid(orderNumber) && isLuhnValid(epochMillis)).toBe(true);
    for (const text of ['卡号6222021234567895', `订单号${orderNumber}`, `ts=${epochMillis}`]) {
      expect(maskText(text)).toEqual({ text, found: {} });
    }
  });
});
