import { detectPii } from './detect-pii';
import { maskText } from './mask-text';

describe('maskText', () => {
  it('masks every kind in one customer turn and counts them', () => {
    const text =
      '您好，我叫张三，身份证号11010519491231002X，卡号6222 0212 3456 7894，手机13812345678，' +
      '家里电话010-62345678，邮箱zhang.san@example.com。';
    expect(maskText(text)).toEqual({
      text:
        '您好，我叫张三，身份证号******************，卡号**** **** **** 7894，手机138****5678，' +
        '家里电话010-****5678，邮箱z***@example.com。',
      found: { id_card: 1, bank_card: 1, mobile: 1, landline: 1, email: 1 },
    });
  });

  it('masks an agent reading the numbers back in English', () => {
    const result = maskText('Let me confirm: card 4111 1111 1111 1111, phone +86 139 8765 4321, email li@example.org.');
    expect(result.text).toBe('Let me confirm: card **** **** **** 1111, phone +86 139 **** 4321, email l***@example.org.');
    expect(result.found).toEqual({ bank_card: 1, mobile: 1, email: 1 });
  });

  it('is idempotent', () => {
    const once = maskText('手机一三八一二三四五六七八 卡6222021234567894 邮箱a@b.cn 座机(0755)1234-5678');
    expect(maskText(once.text)).toEqual({ text: once.text, found: {} });
  });

  it('splits numbers read without a pause between them so both are masked', () => {
    expect(maskText('6222 0212 3456 7894 138 1234 5678')).toEqual({
      text: '**** **** **** 7894 138 **** 5678',
      found: { bank_card: 1, mobile: 1 },
    });
  });

  it('leaves timestamps, amounts, order numbers, ids, staff numbers and ordinary Chinese numerals', () => {
    const text =
      '2026-11-25 10:30:00 工号1024为您服务，订单号A2026112510300012，金额¥1380.00，' +
      'contact 3f2b8c4e-1d2a-4b7e-9c3d-5e6f7a8b9c0d，CA1b2c3d4e5f60718293a4b5c6d7e8f901，' +
      '请稍等一下，三天内一二三四五号处理，10086，400-810-8888，1,380,000元，epoch 1764115200000。';
    expect(maskText(text)).toEqual({ text, found: {} });
    expect(detectPii(text)).toEqual([]);
  });

  it('leaves text without digits or at-signs as it is', () => {
    expect(maskText('')).toEqual({ text: '', found: {} });
    expect(maskText('Thank you for calling, 感谢来电。')).toEqual({ text: 'Thank you for calling, 感谢来电。', found: {} });
  });
});
