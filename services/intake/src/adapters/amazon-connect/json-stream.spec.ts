import { parseJsonStream } from './json-stream';

describe('parseJsonStream', () => {
  it('reads newline-delimited records, ignoring blank lines and CRLF', () => {
    expect(parseJsonStream('{"a":1}\n\n{"b":2}\r\n{"c":3}\n')).toEqual({ ok: true, values: [{ a: 1 }, { b: 2 }, { c: 3 }] });
  });

  it('reads concatenated records with no delimiter, and pretty-printed ones spanning lines', () => {
    expect(parseJsonStream('{"a":1}{"b":{"c":[1,2]}}')).toEqual({ ok: true, values: [{ a: 1 }, { b: { c: [1, 2] } }] });
    expect(parseJsonStream('{\n  "a": 1\n}\n{\n  "b": 2\n}')).toEqual({ ok: true, values: [{ a: 1 }, { b: 2 }] });
  });

  it('is not fooled by brackets, quotes and escapes inside strings', () => {
    const text = '{"t":"}{ \\" ]["}{"u":"\\\\"}';
    expect(parseJsonStream(text)).toEqual({ ok: true, values: [{ t: '}{ " ][' }, { u: '\\' }] });
  });

  it('skips a byte-order mark and returns no values for a blank body', () => {
    expect(parseJsonStream('\uFEFF{"a":1}')).toEqual({ ok: true, values: [{ a: 1 }] });
    expect(parseJsonStream(' \n\t\n')).toEqual({ ok: true, values: [] });
  });

  it('reports the index of the first value that is not JSON', () => {
    expect(parseJsonStream('{"a":1}\n{"b":\n')).toEqual({ ok: false, index: 1, message: expect.stringContaining('Record 1 is not valid JSON') });
    expect(parseJsonStream('{"a":1}\nhello\n{"c":3}')).toEqual({ ok: false, index: 1, message: expect.any(String) });
  });
});
