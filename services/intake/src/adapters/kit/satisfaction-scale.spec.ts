import { seededRandom } from '@hotline/testing/random';
import { normaliseScore, numericScale, wordedScale } from './satisfaction-scale';

const score = (value: unknown, scale: Parameters<typeof normaliseScore>[1]) => {
  const result = normaliseScore(value, scale);
  return result.ok ? result.score : result.message;
};

describe('normaliseScore', () => {
  it('keeps a 1–5 answer as it is, and records the answer and its scale', () => {
    for (const n of [1, 2, 3, 4, 5]) expect(score(n, numericScale(1, 5))).toBe(n);
    expect(normaliseScore('4', numericScale(1, 5))).toEqual({ ok: true, score: 4, platformScore: { value: '4', scale: '1-5' } });
  });

  it('maps 0–10 linearly: ends to ends, the middle to the middle', () => {
    expect([0, 1, 2, 5, 8, 9, 10].map((n) => score(n, numericScale(0, 10)))).toEqual([1, 1, 2, 3, 4, 5, 5]);
  });

  it('places worded answers evenly from worst to best, whatever their case', () => {
    expect(['bad', 'GOOD'].map((w) => score(w, wordedScale('bad', 'good')))).toEqual([1, 5]);
    expect(['Bad', 'okay', 'Great'].map((w) => score(w, wordedScale('Bad', 'Okay', 'Great')))).toEqual([1, 3, 5]);
  });

  it('refuses what is not an answer of the scale, saying what is', () => {
    expect(score(11, numericScale(0, 10))).toBe('Expected a number from 0 to 10, got 11');
    expect(score('offered', wordedScale('bad', 'good'))).toBe('Expected one of bad, good, got "offered"');
    expect(score(null, numericScale(1, 5))).toMatch(/^Expected/);
    expect(() => numericScale(5, 5)).toThrow();
  });

  it('never leaves 1–5 and never ranks a better answer lower (seeded)', () => {
    const random = seededRandom(20261130);
    for (let i = 0; i < 500; i += 1) {
      const min = random.int(-5, 5);
      const max = min + random.int(1, 20);
      const [a, b] = [min + random.next() * (max - min), min + random.next() * (max - min)].sort((x, y) => x - y);
      const [sa, sb] = [score(a, numericScale(min, max)), score(b, numericScale(min, max))] as number[];
      expect(sa).toBeGreaterThanOrEqual(1);
      expect(sb).toBeLessThanOrEqual(5);
      expect(sa).toBeLessThanOrEqual(sb);
    }
  });
});
