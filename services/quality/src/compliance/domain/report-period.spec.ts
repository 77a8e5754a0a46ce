import { parsePeriod, spanOf } from './report-period';

const utc = (text: string) => new Date(text);
const period = (text: string) => {
  const parsed = parsePeriod(text);
  if (!parsed) throw new Error(`${text} names no period`);
  return parsed;
};

describe('report periods (UTC)', () => {
  it.each([
    ['2026-11-29', '2026-11-29T00:00:00Z', '2026-11-30T00:00:00Z'],
    ['2026-12-31', '2026-12-31T00:00:00Z', '2027-01-01T00:00:00Z'],
    ['2028-02-29', '2028-02-29T00:00:00Z', '2028-03-01T00:00:00Z'],
    ['2026-11', '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z'],
    ['2026-12', '2026-12-01T00:00:00Z', '2027-01-01T00:00:00Z'],
    ['2026-Q1', '2026-01-01T00:00:00Z', '2026-04-01T00:00:00Z'],
    ['2026-Q4', '2026-10-01T00:00:00Z', '2027-01-01T00:00:00Z'],
  ])('reads %s as [%s, %s)', (text, from, to) => {
    expect(parsePeriod(text)).toEqual({ label: text, from: utc(from), to: utc(to) });
  });

  it.each(['2026-02-29', '2026-13', '2026-00', '2026-11-31', '2026-Q5', '2026-q4', '26-11', '2026-11-29T00:00Z', '', 'last month', '1969-12', '2100-01'])(
    'refuses %j',
    (text) => {
      expect(parsePeriod(text)).toBeUndefined();
    },
  );

  it('spans from the start of one period to the end of another, and refuses a range that ends before it starts', () => {
    const oct = period('2026-10');
    const q4 = period('2026-Q4');
    const day = period('2026-11-29');
    expect(spanOf(oct, day)).toEqual({ label: '2026-10..2026-11-29', from: utc('2026-10-01T00:00:00Z'), to: utc('2026-11-30T00:00:00Z') });
    expect(spanOf(q4, q4)).toBe(q4);
    expect(spanOf(day, oct)).toBeUndefined();
  });
});
