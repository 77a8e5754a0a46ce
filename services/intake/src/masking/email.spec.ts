import { findEmails } from './email';
import { maskText } from './mask-text';

describe('e-mail addresses', () => {
  it('keeps the first character of the local part and the domain', () => {
    expect(maskText('write to zhang.san@example.com, please')).toEqual({
      text: 'write to z***@example.com, please',
      found: { email: 1 },
    });
    expect(maskText('a@b.example.com.cn').text).toBe('a***@b.example.com.cn');
  });

  it('finds addresses glued to Chinese text, and full-width at-signs', () => {
    expect(maskText('邮箱是zhang.san@example.com谢谢').text).toBe('邮箱是z***@example.com谢谢');
    expect(maskText('邮箱zhangsan＠qq.com').text).toBe('邮箱z***＠qq.com');
  });

  it('counts a phone number used as the local part as one e-mail', () => {
    expect(maskText('13812345678@163.com')).toEqual({ text: '1***@163.com', found: { email: 1 } });
  });

  it('leaves mentions, handles without a domain, and masked addresses', () => {
    expect(findEmails('@zhangsan 你好, user@localhost, z***@example.com')).toEqual([]);
  });

  it('finds several addresses', () => {
    expect(maskText('li.si+cc@corp.example.cn; wang_wu@example.org').found).toEqual({ email: 2 });
  });

  it.each([
    ['agent%40example.com', 'a***%40example.com'],
    ['mailto:zhang_san%40corp.example.cn?subject=hi', 'mailto:z***%40corp.example.cn?subject=hi'],
    ['alice%40example%2Ecom', 'a***%40example%2Ecom'],
    ['client:alice_40example_2Ecom', 'client:a***_40example_2Ecom'],
    ['axta_40%40example.net', 'a***%40example.net'],
    ['From=client%3Abob.li_40mail_2Eexample_2Eorg&To=x', 'From=client%3Ab***_40mail_2Eexample_2Eorg&To=x'],
    ['agent%2540example.com', 'a***%2540example.com'],
    ['redirect=mailto%253Azhang%2540example%252Ecn', 'redirect=mailto%253Az***%2540example%252Ecn'],
  ])('finds the address escaped in %s', (text, masked) => {
    expect(maskText(text)).toEqual({ text: masked, found: { email: 1 } });
    expect(maskText(masked)).toEqual({ text: masked, found: {} });
  });

  it('leaves escaped text that is no address', () => {
    for (const text of ['100%40 of calls', 'rate_40percent', 'tag_40', '%40example.com']) expect(maskText(text).found).toEqual({});
  });
});
