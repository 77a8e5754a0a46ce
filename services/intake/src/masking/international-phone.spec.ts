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

  it.each([
    ['From=%2B442079460958&To=x', 'From=%2B44******0958&To=x', 'landline'],
    ['tel:%2B4915123456789', 'tel:%2B49*******6789', 'mobile'],
    ['sip:%2B442079460958@trunk', 'sip:%2B44******0958@trunk', 'landline'],
    ['To=%252B4915123456789', 'To=%252B49*******6789', 'mobile'],
    ['From=%2B44%2020%207946%200958', 'From=%2B44%20**%20****%200958', 'landline'],
  ])('decodes a percent-encoded + and spaces before matching: %s', (text, masked, kind) => {
    expect(maskText(text)).toEqual({ text: masked, found: { [kind]: 1 } });
    expect(maskText(masked)).toEqual({ text: masked, found: {} });
  });

  it.each([
    ['call me at 0044 20 7946 0958', 'call me at 0044 ** **** 0958', 'landline'],
    ['我的电话0049 151 23456789谢谢', '我的电话0049 *** ****6789谢谢', 'mobile'],
    ['00 33 6 12 34 56 78', '00 33 * ** ** 56 78', 'mobile'],
    ['001 415-555-2671', '001 ***-***-2671', 'mobile'],
    ['sip:00442079460958@trunk', 'sip:0044******0958@trunk', 'landline'],
  ])('reads the 00 international prefix of any country: %s', (text, masked, kind) => {
    expect(maskText(text)).toEqual({ text: masked, found: { [kind]: 1 } });
    expect(maskText(masked)).toEqual({ text: masked, found: {} });
  });

  it('leaves a bare zero-padded number and a 00 inside a digit run to the other rules', () => {
    expect(maskText('order 0012345678901 shipped')).toEqual({ text: 'order 0012345678901 shipped', found: {} });
    expect(maskText('card 3789 0060 1344 3046 0').found).toEqual({ bank_card: 1 });
    expect(maskText('0086 138 1234 5678').text).toBe('0086 138 **** 5678');
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
