import { builtInStandards } from './built-in-standards';
import { etiquetteRules } from './etiquette-rules';

describe('etiquetteRules', () => {
  it('has one rule per etiquette standard, each a standard of ch. 3 that exists', () => {
    const ids = etiquetteRules.rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(builtInStandards.standards[id].chapter).toBe('3');
    expect(ids).toEqual(expect.arrayContaining(['greeting', 'forbidden-phrases', 'long-silence', 'long-hold', 'interruption']));
  });

  it('cites a manual clause and deducts positive points, capped at no less than one breach', () => {
    for (const rule of etiquetteRules.rules) {
      expect(rule.clause).toMatch(/^Manual ch\. 3\.\d: /);
      expect(rule.points).toBeGreaterThan(0);
      expect(rule.maxPoints).toBeGreaterThanOrEqual(rule.points);
    }
  });

  it('is frozen data', () => {
    expect(Object.isFrozen(etiquetteRules.rules[0])).toBe(true);
  });
});
