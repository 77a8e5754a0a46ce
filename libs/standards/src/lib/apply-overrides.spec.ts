import { applyOverrides } from './apply-overrides';
import { builtInStandards } from './built-in-standards';
import { HOUR } from './duration';
import type { StandardSet } from './standard-set';
import { InvalidStandardOverridesError, type StandardOverrides } from './standard-overrides';

const overrides = (standards: StandardOverrides['standards'], more: Partial<StandardOverrides> = {}): StandardOverrides => ({
  tenantId: 'acme',
  version: '3',
  effectiveFrom: '2026-01-01T00:00:00+08:00',
  standards,
  ...more,
});

/** The error applyOverrides throws for `input` on the built-in set. */
function rejection(input: unknown, base: StandardSet = builtInStandards): InvalidStandardOverridesError {
  try {
    applyOverrides(base, input);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidStandardOverridesError);
    return error as InvalidStandardOverridesError;
  }
  throw new Error('expected the overrides to be rejected');
}

describe('applyOverrides', () => {
  describe('tightening', () => {
    it('accepts a shorter deadline and records it as the tenant’s, derived from the floor', () => {
      const set = applyOverrides(builtInStandards, overrides({ 'answer-time': { kind: 'deadline', seconds: 20 } }));
      expect(set.standards['answer-time']).toMatchObject({
        id: 'answer-time',
        kind: 'deadline',
        seconds: 20,
        layer: 'tenant',
        provenance: 'Tenant acme standard 3',
        chapter: '2.1',
        derivedFrom: { seconds: 30, layer: 'enterprise', provenance: 'Manual ch. 2.1' },
      });
    });

    it('accepts a smaller ratio maximum', () => {
      const set = applyOverrides(builtInStandards, overrides({ 'billing-error-rate': { kind: 'ratio', max: 0.00005 } }));
      expect(set.standards['billing-error-rate']).toMatchObject({ max: 0.00005, layer: 'tenant' });
      expect(set.standards['billing-error-rate'].derivedFrom?.max).toBe(0.0001);
    });

    it('accepts restating a floor unchanged', () => {
      const set = applyOverrides(builtInStandards, overrides({ 'complaint-reply': { kind: 'deadline', seconds: 1_296_000 } }));
      expect(set.standards['complaint-reply'].seconds).toBe(1_296_000);
    });

    it('leaves the standards it does not override as they are, and the base untouched', () => {
      const set = applyOverrides(builtInStandards, overrides({ 'answer-time': { kind: 'deadline', seconds: 20 } }));
      expect(set.standards['network-fault-response']).toBe(builtInStandards.standards['network-fault-response']);
      expect(builtInStandards.standards['answer-time'].seconds).toBe(30);
      expect(builtInStandards.standards['answer-time'].layer).toBe('enterprise');
    });
  });

  describe('loosening a floor', () => {
    it('is rejected, naming the standard, both values and the floor’s source', () => {
      const error = rejection(overrides({ 'answer-time': { kind: 'deadline', seconds: 45 } }));
      expect(error.issues).toEqual([
        {
          path: 'standards.answer-time.seconds',
          message:
            "'answer-time' (Customer-service response time): 45 s is looser than the floor of 30 s set by Manual ch. 2.1; " +
            'a tenant may only tighten it',
        },
      ]);
      expect(error.message).toBe(
        "Invalid standard overrides for tenant 'acme' version '3' on base version '1':\n" +
          "- standards.answer-time.seconds: 'answer-time' (Customer-service response time): 45 s is looser than the " +
          'floor of 30 s set by Manual ch. 2.1; a tenant may only tighten it',
      );
    });

    it.each([
      ['network-fault-response', 16 * 60, '16 min (960 s)', '15 min (900 s)', 'Manual ch. 2.2'],
      ['fault-repair-rural', 96 * HOUR, '4 days (345600 s)', '72 h (259200 s)', '《电信条例》'],
      ['complaint-reply', 20 * 24 * HOUR, '20 days (1728000 s)', '15 days (1296000 s)', '《电信用户申诉处理办法》 Art. 10'],
      ['mobile-fault-repair-average', 25 * HOUR, '25 h (90000 s)', '24 h (86400 s)', '3G 业务服务规范 (2009)'],
    ] as const)('rejects %s by even a little', (id, seconds, value, floor, source) => {
      const error = rejection(overrides({ [id]: { kind: 'deadline', seconds } }));
      expect(error.issues).toHaveLength(1);
      expect(error.issues[0].message).toContain(`${value} is looser than the floor of ${floor} set by ${source}`);
    });

    it('rejects a larger ratio maximum', () => {
      const error = rejection(overrides({ 'billing-error-rate': { kind: 'ratio', max: 0.0002 } }));
      expect(error.issues).toEqual([
        {
          path: 'standards.billing-error-rate.max',
          message:
            "'billing-error-rate' (Billing error rate (fixed local and long distance)): 0.0002 (1 in 5,000) is looser " +
            'than the floor of 0.0001 (1 in 10,000) set by 《电信服务规范》; a tenant may only tighten it',
        },
      ]);
    });

    it('reports every loosening at once, and accepts none of the version', () => {
      const error = rejection(
        overrides({
          'answer-time': { kind: 'deadline', seconds: 60 },
          'follow-up-call': { kind: 'deadline', seconds: 72 * HOUR },
          'fault-repair-town': { kind: 'deadline', seconds: 49 * HOUR },
        }),
      );
      expect(error.issues.map((issue) => issue.path)).toEqual([
        'standards.answer-time.seconds',
        'standards.fault-repair-town.seconds',
      ]);
    });
  });

  describe('Hotline defaults (MANUAL.md: defaults must be configurable)', () => {
    it.each([
      ['record-completion', 48 * HOUR],
      ['follow-up-call', 7 * 24 * HOUR],
      ['equipment-fault-response', 8 * HOUR],
      ['long-silence', 20],
      ['long-hold', 120],
    ] as const)('lets a tenant loosen %s', (id, seconds) => {
      const set = applyOverrides(builtInStandards, overrides({ [id]: { kind: 'deadline', seconds } }));
      expect(set.standards[id]).toMatchObject({ seconds, layer: 'tenant', derivedFrom: { provenance: 'Hotline default' } });
    });

    it('lets a tenant tighten one too', () => {
      const set = applyOverrides(builtInStandards, overrides({ 'follow-up-call': { kind: 'deadline', seconds: 12 * HOUR } }));
      expect(set.standards['follow-up-call'].seconds).toBe(12 * HOUR);
    });

    it('still holds a default to the sanity bounds', () => {
      const error = rejection(overrides({ 'long-hold': { kind: 'deadline', seconds: 0 } }));
      expect(error.issues).toEqual([{ path: 'standards.long-hold.seconds', message: 'A deadline must be longer than 0 seconds' }]);
    });
  });

  describe('phrase lists', () => {
    it('adds phrases to a list, keeping the manual’s and skipping ones already there', () => {
      const set = applyOverrides(
        builtInStandards,
        overrides({ 'forbidden-phrases': { kind: 'phrases', add: { zh: ['你问别人', '不知道'], en: ['ask someone else'] } } }),
      );
      const forbidden = set.standards['forbidden-phrases'];
      expect(forbidden.phrases.zh).toEqual(['不知道', '不归我管', '你自己看', '没办法', '你问别人']);
      expect(forbidden.phrases.en).toEqual([...builtInStandards.standards['forbidden-phrases'].phrases.en, 'ask someone else']);
      expect(forbidden).toMatchObject({ layer: 'tenant', usage: 'forbidden', provenance: 'Tenant acme standard 3' });
    });

    it('adds to one language only when only that one is given', () => {
      const set = applyOverrides(builtInStandards, overrides({ greeting: { kind: 'phrases', add: { en: ['welcome to Acme'] } } }));
      expect(set.standards.greeting.phrases.en).toContain('welcome to Acme');
      expect(set.standards.greeting.phrases.zh).toEqual(builtInStandards.standards.greeting.phrases.zh);
    });
  });

  describe('the resulting set', () => {
    it('is versioned tenant:version@base and in force from the later effective date', () => {
      const set = applyOverrides(builtInStandards, overrides({}));
      expect(set.version).toBe('acme:3@1');
      expect(set.tenant).toEqual({ tenantId: 'acme', version: '3', baseVersion: '1' });
      expect(set.effectiveFrom).toBe('2025-12-31T16:00:00.000Z');
      const early = applyOverrides(builtInStandards, overrides({}, { effectiveFrom: '1999-01-01T00:00:00Z' }));
      expect(early.effectiveFrom).toBe('2000-01-01T00:00:00.000Z');
    });

    it('is frozen', () => {
      const set = applyOverrides(builtInStandards, overrides({ 'answer-time': { kind: 'deadline', seconds: 20 } }));
      expect(() => {
        (set.standards['answer-time'] as { seconds: number }).seconds = 300;
      }).toThrow(TypeError);
    });

    it('refuses a version reference longer than verdicts may record', () => {
      const error = rejection(overrides({}, { tenantId: 't'.repeat(98) }));
      expect(error.issues[0].path).toBe('tenantId');
      expect(error.issues[0].message).toContain('would exceed 100 characters');
    });
  });

  it('sets a detection threshold (a count within a window), keeping what the tenant leaves out', () => {
    const set = applyOverrides(builtInStandards, overrides({ 'bulk-export-records': { kind: 'count', count: 3 } }));
    expect(set.standards['bulk-export-records']).toMatchObject({ kind: 'count', count: 3, windowSeconds: HOUR, layer: 'tenant' });
    expect(rejection(overrides({ 'brute-force-attempts': { kind: 'count' } })).issues).toEqual([
      { path: 'standards.brute-force-attempts', message: 'Set count, windowSeconds or both' },
    ]);
  });

  it('applies only to a base set: tenant versions do not stack', () => {
    const tenantSet = applyOverrides(builtInStandards, overrides({}));
    expect(() => applyOverrides(tenantSet, overrides({}, { version: '4' }))).toThrow(
      "Overrides apply to a base set, not to tenant set 'acme:3@1'",
    );
  });

  it('validates the structure first (unknown id, wrong kind)', () => {
    const error = rejection({ ...overrides({}), standards: { 'answer-tme': { kind: 'deadline', seconds: 1 } } });
    expect(error.issues[0].message).toMatch(/^Unknown standard: 'answer-tme'/);
  });
});
