import { maskText } from './mask-text';
import { matchMobile } from './mobile';

describe('mainland mobile numbers', () => {
  it('recognises 1[3-9] plus nine digits, optionally after 86 or 0086', () => {
    expect(matchMobile('13812345678')?.kind).toBe('mobile');
    expect(matchMobile('19912345678')?.kind).toBe('mobile');
    expect(matchMobile('8613812345678')?.kind).toBe('mobile');
    expect(matchMobile('008613812345678')?.kind).toBe('mobile');
    expect(matchMobile('12812345678')).toBeNull();
    expect(matchMobile('1381234567')).toBeNull();
  });

  it('keeps the first three and the last four', () => {
    expect(maskText('我的手机号是13812345678谢谢')).toEqual({ text: '我的手机号是138****5678谢谢', found: { mobile: 1 } });
    expect(maskText('call 138 1234 5678 or 138-1234-5678').text).toBe('call 138 **** 5678 or 138-****-5678');
  });

  it('keeps the country prefix readable', () => {
    expect(maskText('+86 138 1234 5678').text).toBe('+86 138 **** 5678');
    expect(maskText('+8613812345678').text).toBe('+86138****5678');
    expect(maskText('0086 13812345678').text).toBe('0086 138****5678');
    expect(maskText('(+86) 138-1234-5678').text).toBe('(+86) 138-****-5678');
  });

  it('masks full-width digits, Chinese numerals (幺 for one) and spoken pauses', () => {
    expect(maskText('电话１３８１２３４５６７８').text).toBe('电话１３８****５６７８');
    expect(maskText('我的手机号是一三八一二三四五六七八').text).toBe('我的手机号是一三八****五六七八');
    expect(maskText('号码幺三八，幺二三四，五六七八。').text).toBe('号码幺三八，****，五六七八。');
    expect(maskText('一 三 八 一 二 三 四 五 六 七 八').text).toBe('一 三 八 * * * * 五 六 七 八');
  });

  it('does not take an 11-digit piece of a longer digit run for a mobile', () => {
    for (const text of ['单号138123456789', '流水1381234567800', '订单20261381234567']) {
      expect(maskText(text)).toEqual({ text, found: {} });
    }
  });

  it('finds two numbers read one after the other', () => {
    expect(maskText('13812345678 13912345678')).toEqual({ text: '138****5678 139****5678', found: { mobile: 2 } });
  });
});
