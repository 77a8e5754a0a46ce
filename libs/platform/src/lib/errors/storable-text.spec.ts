import { printableText } from './storable-text';

describe('printableText', () => {
  it('makes a name printable by replacing them', () => {
    expect(printableText('a\0b\uD800c\uD83D\uDE00')).toBe('a\uFFFDb\uFFFDc\uD83D\uDE00');
  });
});
