import { applyOverrides } from './apply-overrides';
import { builtInStandards } from './built-in-standards';
import { etiquetteRules } from './etiquette-rules';
import { ResolvedStandards } from './resolved-standards';
import { InvalidStandardOverridesError, parseStandardOverrides, type StandardOverrides } from './standard-overrides';

const overrides = (standards: Record<string, unknown>): StandardOverrides =>
  ({ tenantId: 'acme', version: '3', effectiveFrom: '2026-01-01T00:00:00+08:00', standards }) as StandardOverrides;

/** The issues `apply` throws for `standards`, as `path: message`. */
function issues(standards: Record<string, unknown>, apply: (input: unknown) => unknown = (input) => applyOverrides(builtInStandards, input)): string[] {
  try {
    apply(overrides(standards));
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidStandardOverridesError);
    return (error as InvalidStandardOverridesError).issues.map(({ path, message }) => `${path}: ${message}`);
  }
  throw new Error('expected the overrides to be rejected');
}

const ruleOf = (set: ResolvedStandards, id: string) => set.etiquetteRules().rules.find((rule) => rule.id === id);

describe("a tenant's etiquette weights", () => {
  it('makes a deduction heavier, alone or beside a tightened threshold, and leaves the other rules at the defaults', () => {
    const set = applyOverrides(
      builtInStandards,
      overrides({
        'forbidden-phrases': { kind: 'phrases', points: 30 },
        'long-silence': { kind: 'deadline', seconds: 8, points: 10, maxPoints: 30 },
      }),
    );
    expect(set.etiquetteWeights).toEqual({ 'forbidden-phrases': { points: 30, maxPoints: 45 }, 'long-silence': { points: 10, maxPoints: 30 } });
    expect(set.standards['forbidden-phrases']).toBe(builtInStandards.standards['forbidden-phrases']); // a weight alone changes no phrase
    expect(set.standards['long-silence']).toMatchObject({ seconds: 8, layer: 'tenant' });
    const resolved = new ResolvedStandards(set);
    expect(ruleOf(resolved, 'forbidden-phrases')).toMatchObject({ points: 30, maxPoints: 45, clause: expect.stringContaining('3.3') });
    expect(ruleOf(resolved, 'greeting')).toEqual(etiquetteRules.rules.find((rule) => rule.id === 'greeting'));
    expect(resolved.etiquetteRules().version).toBe(etiquetteRules.version);
  });

  it('raises the cap to the points when only they are heavier', () => {
    const set = applyOverrides(builtInStandards, overrides({ greeting: { kind: 'phrases', points: 25 } }));
    expect(set.etiquetteWeights).toEqual({ greeting: { points: 25, maxPoints: 25 } });
  });

  it('gives the default rules to a set with no weights', () => {
    expect(new ResolvedStandards(builtInStandards).etiquetteRules()).toBe(etiquetteRules);
  });

  it('refuses a lighter deduction or cap, naming the field', () => {
    expect(issues({ 'forbidden-phrases': { kind: 'phrases', points: 5 }, 'long-hold': { kind: 'deadline', maxPoints: 10 } })).toEqual([
      "standards.forbidden-phrases.points: 'forbidden-phrases': 5 points per breach is lighter than Hotline's default weight of 15; a tenant may only make a deduction heavier",
      "standards.long-hold.maxPoints: 'long-hold': 10 points per contact at most is lighter than Hotline's default weight of 20; a tenant may only make a deduction heavier",
    ]);
  });

  it('refuses weights on a standard that is no etiquette rule, a cap under the points, and an override that changes nothing', () => {
    expect(issues({ 'answer-time': { kind: 'deadline', seconds: 20, points: 10 } }, parseStandardOverrides)).toEqual([
      expect.stringMatching(/^standards\.answer-time\.points: 'answer-time' is no etiquette rule/),
    ]);
    expect(issues({ 'long-hold': { kind: 'deadline', points: 40, maxPoints: 30 } }, parseStandardOverrides)).toEqual([
      'standards.long-hold.maxPoints: maxPoints (the most a contact loses to this rule) must be at least points',
    ]);
    expect(issues({ 'long-hold': { kind: 'deadline' } }, parseStandardOverrides)).toEqual(['standards.long-hold.seconds: Set seconds (or, for an etiquette rule, points or maxPoints)']);
    expect(issues({ greeting: { kind: 'phrases', points: 1.5 } }, parseStandardOverrides)).toEqual(['standards.greeting.points: A deduction is a whole number of points']);
  });
});
