import { csvField, toCsv } from './csv';

describe('CSV', () => {
  it('writes plain values as they are and empty cells for null', () => {
    expect([csvField('abc'), csvField(42), csvField(true), csvField(null), csvField(undefined), csvField('')]).toEqual(['abc', '42', 'true', '', '', '']);
  });

  it.each([
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line 1\nline 2', '"line 1\nline 2"'],
    ['cr\rhere', '"cr\rhere"'],
    [' padded', '" padded"'],
    ['"', '""""'],
    ['投诉,退款', '"投诉,退款"'],
  ])('quotes %j as %j', (value, written) => expect(csvField(value)).toBe(written));

  it('keeps formula-like text as written (an archive export is the record, unchanged)', () => {
    expect(csvField('=SUM(A1)')).toBe('=SUM(A1)');
  });

  it('writes a header and CRLF-terminated rows that a reader splits back into the same cells', () => {
    const csv = toCsv(['a', 'b'], [['x,y', 'q"'], [null, 'multi\r\nline']]);
    expect(csv).toBe('a,b\r\n"x,y","q"""\r\n,"multi\r\nline"\r\n');
    expect(parse(csv)).toEqual([['a', 'b'], ['x,y', 'q"'], ['', 'multi\r\nline']]);
  });
});

/** A minimal RFC 4180 reader, to check what is written reads back as what was meant. */
function parse(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted && c === '"' && csv[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && c === '\r' && csv[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += c;
    }
  }
  return rows;
}
