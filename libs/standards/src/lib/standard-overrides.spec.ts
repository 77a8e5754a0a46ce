import { InvalidStandardOverridesError, parseStandardOverrides, type StandardOverrides } from './standard-overrides';

const valid: StandardOverrides = {
  tenantId: 'acme',
  version: '2026.1',
  effectiveFrom: '2026-01-01T00:00:00+08:00',
  standards: {
    'answer-time': { kind: 'deadline', seconds: 20 },
    'billing-error-rate': { kind: 'ratio', max: 0.00005 },
    'forbidden-phrases': { kind: 'phrases', add: { zh: ['你问别人'], en: ['ask someone else'] } },
  },
};

/** The issues parseStandardOverrides reports for `input`, as `path: message`. */
function issues(input: unknown): string[] {
  try {
    parseStandardOverrides(input);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidStandardOverridesError);
    return (error as InvalidStandardOverridesError).issues.map((issue) => `${issue.path}: ${issue.message}`);
  }
  throw new Error('expected the overrides to be rejected');
}

const withStandards = (standards: unknown) => ({ ...valid, standards });

describe('parseStandardOverrides', () => {
  it('accepts well-formed overrides of each kind', () => {
    expect(parseStandardOverrides(valid)).toEqual(valid);
  });

  it('accepts overrides that change nothing', () => {
    expect(parseStandardOverrides(withStandards({})).standards).toEqual({});
  });

  it('names an unknown standard id', () => {
    const found = issues(withStandards({ 'answer-tme': { kind: 'deadline', seconds: 20 } }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^standards: Unknown standard: 'answer-tme'; known standards: answer-time, /);
  });

  it('names the expected kind when an override has the wrong one', () => {
    expect(issues(withStandards({ 'billing-error-rate': { kind: 'deadline', seconds: 20 } }))).toEqual([
      "standards.billing-error-rate.kind: 'billing-error-rate' is a ratio standard, so its override must have kind 'ratio', not 'deadline'",
    ]);
    expect(issues(withStandards({ 'answer-time': { seconds: 20 } }))).toEqual([
      "standards.answer-time.kind: 'answer-time' is a deadline standard, so its override must have kind 'deadline'",
    ]);
  });

  it('shows the expected shape when an override is not an object', () => {
    expect(issues(withStandards({ 'answer-time': 20 }))).toEqual([
      "standards.answer-time: The override of 'answer-time' (a deadline standard) must be an object like { kind: 'deadline', seconds: 20 }",
    ]);
  });

  it('refuses misspelt fields rather than ignoring them', () => {
    const found = issues(withStandards({ 'long-hold': { kind: 'deadline', second: 30 } }));
    expect(found).toContain('standards.long-hold: Unrecognized key: "second"');
  });

  it.each([
    [0, 'A deadline must be longer than 0 seconds'],
    [-5, 'A deadline must be longer than 0 seconds'],
    [1.5, 'A deadline is a whole number of seconds'],
    [172_800_000, 'A deadline cannot exceed 31622400 seconds (366 days)'],
  ])('refuses a deadline of %s seconds', (seconds, message) => {
    expect(issues(withStandards({ 'follow-up-call': { kind: 'deadline', seconds } }))).toEqual([
      `standards.follow-up-call.seconds: ${message}`,
    ]);
  });

  it.each([[-0.1], [1.5]])('refuses a ratio of %s', (max) => {
    expect(issues(withStandards({ 'billing-error-rate': { kind: 'ratio', max } }))).toEqual([
      'standards.billing-error-rate.max: A ratio is between 0 and 1',
    ]);
  });

  it('refuses empty phrase additions and empty phrases', () => {
    expect(issues(withStandards({ greeting: { kind: 'phrases', add: {} } }))).toEqual([
      'standards.greeting.add: Add at least one phrase, in zh or en',
    ]);
    expect(issues(withStandards({ greeting: { kind: 'phrases', add: { en: ['  '] } } }))).toEqual([
      'standards.greeting.add.en.0: A phrase cannot be empty',
    ]);
  });

  it('trims added phrases', () => {
    const parsed = parseStandardOverrides(withStandards({ greeting: { kind: 'phrases', add: { en: ['  hi there '] } } }));
    expect(parsed.standards.greeting).toEqual({ kind: 'phrases', add: { en: ['hi there'] } });
  });

  it('checks the tenant, the version label and the effective date', () => {
    expect(issues({ ...valid, tenantId: '', version: 'v:1', effectiveFrom: '2026-01-01' })).toEqual([
      'tenantId: Too small: expected string to have >=1 characters',
      "version: A version is 1-40 letters, digits, '.', '_' or '-', starting with a letter or digit",
      'effectiveFrom: effectiveFrom must be an ISO 8601 date-time with an offset, e.g. 2026-01-01T00:00:00+08:00',
    ]);
  });

  it('reports every problem in one readable error naming the tenant and version', () => {
    const input = withStandards({ 'answer-tme': {}, 'answer-time': { kind: 'ratio', max: 0.1 } });
    expect(() => parseStandardOverrides(input)).toThrow(
      [
        "Invalid standard overrides for tenant 'acme' version '2026.1':",
        "- standards.answer-time.kind: 'answer-time' is a deadline standard, so its override must have kind 'deadline', not 'ratio'",
        "- standards: Unknown standard: 'answer-tme'; known standards: ",
      ].join('\n'),
    );
  });

  it('refuses something that is not an object at all', () => {
    expect(() => parseStandardOverrides('answer-time=20')).toThrow(InvalidStandardOverridesError);
  });
});
