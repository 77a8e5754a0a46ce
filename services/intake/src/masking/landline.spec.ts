import { matchLandline } from './landline';
import { maskText } from './mask-text';

describe('mainland fixed-line numbers', () => {
  it('needs an area code: 0 + 10, 2X or three digits, or +86 / 0086 without the 0', () => {
    expect(matchLandline('01012345678', false)?.kind).toBe('landline');
    expect(matchLandline('075512345678', false)?.kind).toBe('landline');
    expect(matchLandline('05911234567', false)?.kind).toBe('landline');
    expect(matchLandline('861012345678', true)?.kind).toBe('landline');
    expect(matchLandline('00861012345678', false)?.kind).toBe('landline');
    expect(matchLandline('861012345678', false)).toBeNull();
    expect(matchLandline('01112345678', false)).toBeNull();
    expect(matchLandline('12345678', false)).toBeNull();
    expect(matchLandline('01001234567', false)).toBeNull();
  });

  it('keeps the area code and the last half of the local number', () => {
    expect(maskText('北京010-12345678')).toEqual({ text: '北京010-****5678', found: { landline: 1 } });
    expect(maskText('座机(0755) 1234-5678').text).toBe('座机(0755) ****-5678');
    expect(maskText('（０７５５）１２３４－５６７８').text).toBe('（０７５５）****－５６７８');
    expect(maskText('021 6123 4567').text).toBe('021 **** 4567');
    expect(maskText('0591 1234567').text).toBe('0591 ****567');
    expect(maskText('+86 10 12345678').text).toBe('+86 10 ****5678');
    expect(maskText('零一零一二三四五六七八').text).toBe('零一零****五六七八');
  });

  it('leaves an extension readable', () => {
    expect(maskText('010-12345678-801').text).toBe('010-****5678-801');
    expect(maskText('010-12345678 转 801').text).toBe('010-****5678 转 801');
  });

  it('leaves numbers without an area code, service numbers, times and dates', () => {
    for (const text of ['拨打6123 4567', '400-810-8888', '95588', '2026-11-25 10:30:00', '86 10 12345678']) {
      expect(maskText(text)).toEqual({ text, found: {} });
    }
  });
});
