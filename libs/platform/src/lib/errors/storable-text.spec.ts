import { printableText, unstorableTextReason } from './storable-text';

describe('unstorableTextReason', () => {
  it('accepts any well-formed Unicode text', () => {
    for (const text of ['', 'plain', '客服 😀', '\uD83D\uDE00', 'tab\tand\nnewline']) expect(unstorableTextReason(text)).toBeUndefined();
  });

  it('names NUL and lone surrogates, high or low', () => {
    expect(unstorableTextReason('a\0b')).toBe('must not contain NUL (U+0000)');
    for (const text of ['\uD800', 'x\uDBFFy', '\uDC00', 'a\uDE00\uD83D']) expect(unstorableTextReason(text)).toBe('must not contain a lone UTF-16 surrogate');
  });

  it('makes a name printable by replacing them', () => {
    expect(printableText('a\0b\uD800c\uD83D\uDE00')).toBe('a\uFFFDb\uFFFDc\uD83D\uDE00');
  });
});
