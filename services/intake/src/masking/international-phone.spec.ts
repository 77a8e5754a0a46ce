import { maskText } from './mask-text';

describe('international phone numbers in free text', () => {
  it.each([
    ['call me at +1 415-555-2671 thanks', 'call me at +1 ***-***-2671 thanks', 'mobile'],
    ['+44 20 7946 0958.', '+44 ** **** 0958.', 'landline'],
    ['+44 7911 123456', '+44 **** **3456', 'mobile'],
    ['+33 6 12 34 56 78', '+33 * ** ** 56 78', 'mobile'],
    ['tel:+4915123456789', 'tel:+49*******6789', 'mobile'],
    ['号码＋８１ ９０-1234-5678谢谢', '号码＋８１ **-****-5678谢谢', 'mobile'],
    ['+91 98765 43210', '+91 ***** *3210', 'mobile'],
  ])('masks %s keeping the country code and the last four', (text, masked, kind) => {
    expect(maskText(text)).toEqual({ text: masked, found: { [kind]: 1 } });
  });

  it('masks North American numbers written the way they are printed there', () => {
    expect(maskText('my number is (415) 555-2671, or 415.555.2672').text).toBe('my number is (***) ***-2671, or ***.***.2672');
  });

  it('masks the number in a SIP URI whose host is an address', () => {
    expect(maskText('sip:+14155552671@10.0.0.1')).toEqual({ text: 'sip:+1******2671@10.0.0.1', found: { mobile: 1 } });
  });

  it("leaves China's numbers to the Chinese rules and their familiar shapes", () => {
    expect(maskText('+86 138 1234 5678').text).toBe('+86 138 **** 5678');
  });

  it('leaves what is not a phone: service numbers, bare ten-digit runs, short codes, times', () => {
    for (const text of ['请拨打10086或者400-810-8888咨询。', 'order 4155552671 shipped', 'order +12 items', '10:30 on 2026-11-25']) {
      expect(maskText(text)).toEqual({ text, found: {} });
    }
  });
});
