import { ANYONE, requirementFor, type RoutingRule } from './routing-rules';

const facts = { type: 'network_fault', category: null, priority: 'P1', region: 'haidian' };

describe('requirementFor', () => {
  it('takes the first rule, in order, whose every given match field equals the case', () => {
    const rules: RoutingRule[] = [
      { match: { caseType: 'network_fault', region: 'chaoyang' }, require: { team: 'east' } },
      { match: { caseType: 'network_fault', priority: 'P1' }, require: { skills: ['fibre'] } },
      { match: { caseType: 'network_fault' }, require: { team: 'noc' } },
    ];
    expect(requirementFor(rules, facts)).toEqual({ skills: ['fibre'] });
  });

  it('matches a category only on a case with that category', () => {
    const rules: RoutingRule[] = [{ match: { category: 'billing' }, require: { team: 'billing' } }];
    expect(requirementFor(rules, facts)).toBe(ANYONE);
    expect(requirementFor(rules, { ...facts, category: 'billing' })).toEqual({ team: 'billing' });
  });

  it('lets anyone take a case no rule matches, and a rule with an empty match takes every case', () => {
    expect(requirementFor([], facts)).toBe(ANYONE);
    expect(requirementFor([{ match: {}, require: { languages: ['zh'] } }], facts)).toEqual({ languages: ['zh'] });
  });
});
