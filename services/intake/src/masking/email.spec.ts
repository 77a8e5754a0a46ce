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
});
