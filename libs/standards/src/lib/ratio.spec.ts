import { formatRatio } from './ratio';

describe('formatRatio', () => {
  it('shows a one-in-N ratio both ways', () => {
    expect(formatRatio(0.0001)).toBe('0.0001 (1 in 10,000)');
    expect(formatRatio(1 / 5000)).toBe('0.0002 (1 in 5,000)');
  });

  it('shows other ratios as numbers', () => {
    expect(formatRatio(0.00015)).toBe('0.00015');
    expect(formatRatio(0)).toBe('0');
    expect(formatRatio(1)).toBe('1');
  });
});
