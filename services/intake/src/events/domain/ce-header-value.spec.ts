import { decodeHeaderValue } from './ce-header-value';

describe('decodeHeaderValue (CloudEvents HTTP binding §3.1.3.2)', () => {
  it.each([
    ['plain printable ASCII', 'contact.queued', 'contact.queued'],
    ["the spec's example", 'Euro%20%E2%82%AC%20%F0%9F%98%80', 'Euro € 😀'],
    ['lower-case hex', '%e5%ae%a2%e6%88%b7', '客户'],
    ['unnecessarily encoded ASCII', '%41%42c', 'ABc'],
    ['an encoded percent, decoded once only', '100%2525', '100%25'],
    ['a double-quoted value with escapes', '"say \\"hi\\" now"', 'say "hi" now'],
    ['a quoted value, then percent-decoded', '"a%20b"', 'a b'],
    ['raw UTF-8 bytes as Node reads them (Latin-1)', Buffer.from('客户', 'utf8').toString('latin1'), '客户'],
    ['an empty value', '', ''],
  ])('decodes %s', (_what, raw, value) => {
    expect(decodeHeaderValue(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['a lone %', '50%', "has a '%' not followed by two hexadecimal digits"],
    ['% with one digit', '%4', "has a '%' not followed by two hexadecimal digits"],
    ['% with non-hex', '%zz', "has a '%' not followed by two hexadecimal digits"],
    ['an overlong space (the spec names it)', '%C0%A0', 'is not valid UTF-8 once percent-decoded'],
    ['a truncated sequence', '%E2%82', 'is not valid UTF-8 once percent-decoded'],
    ['an encoded surrogate', '%ED%A0%80', 'is not valid UTF-8 once percent-decoded'],
    ['an unterminated quoted string', '"abc', 'is a malformed quoted string'],
    ['a character beyond Latin-1', 'a\u20acb', 'holds a character that is not percent-encoded UTF-8'],
  ])('refuses %s', (_what, raw, reason) => {
    expect(decodeHeaderValue(raw)).toEqual({ ok: false, reason });
  });

  it('decodes %00 to a NUL, which contract validation then refuses', () => {
    expect(decodeHeaderValue('a%00b')).toEqual({ ok: true, value: 'a\u0000b' });
  });
});
