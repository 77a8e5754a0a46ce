import { applyOverrides } from './apply-overrides';
import { builtInStandards } from './built-in-standards';
import { HOUR } from './duration';
import type { StandardSet } from './standard-set';
import { InvalidStandardOverridesError, type StandardOverrides } from './standard-overrides';
import { NoStandardsInForceError, StandardsCatalog } from './standards-catalog';

const acme2: StandardOverrides = {
  tenantId: 'acme',
  version: '2',
  effectiveFrom: '2025-01-01T00:00:00+08:00',
  standards: { 'answer-time': { kind: 'deadline', seconds: 25 } },
};
const acme3: StandardOverrides = {
  tenantId: 'acme',
  version: '3',
  effectiveFrom: '2026-01-01T00:00:00+08:00', // 2025-12-31T16:00:00Z
  standards: { 'answer-time': { kind: 'deadline', seconds: 20 }, 'follow-up-call': { kind: 'deadline', seconds: 72 * HOUR } },
};
const globex1: StandardOverrides = {
  tenantId: 'globex',
  version: '2026.1',
  effectiveFrom: '2026-03-01T00:00:00Z',
  standards: { 'answer-time': { kind: 'deadline', seconds: 15 } },
};

const catalog = () => new StandardsCatalog({ tenantVersions: [acme3, globex1, acme2] });
const answerTime = (c: StandardsCatalog, tenantId: string, at: string) => {
  const { seconds, standardVersion } = c.resolve(tenantId, new Date(at)).standard('answer-time');
  return { seconds, standardVersion };
};

describe('StandardsCatalog', () => {
  describe('resolve', () => {
    it('uses the built-in set for a tenant with no versions', () => {
      expect(answerTime(catalog(), 'initech', '2026-06-01T00:00:00Z')).toEqual({ seconds: 30, standardVersion: '1' });
    });

    it("uses the built-in set before a tenant's first version", () => {
      expect(answerTime(catalog(), 'acme', '2024-12-31T15:59:59.999Z')).toEqual({ seconds: 30, standardVersion: '1' });
    });

    it('switches at the effective instant exactly, not a millisecond earlier', () => {
      const c = catalog();
      expect(answerTime(c, 'acme', '2025-12-31T15:59:59.999Z')).toEqual({ seconds: 25, standardVersion: 'acme:2@1' });
      expect(answerTime(c, 'acme', '2025-12-31T16:00:00.000Z')).toEqual({ seconds: 20, standardVersion: 'acme:3@1' });
    });

    it('keeps the latest version in force after its date', () => {
      expect(answerTime(catalog(), 'acme', '2030-01-01T00:00:00Z')).toEqual({ seconds: 20, standardVersion: 'acme:3@1' });
    });

    it("keeps each tenant's versions to that tenant", () => {
      const c = catalog();
      expect(answerTime(c, 'globex', '2026-02-28T23:59:59Z')).toEqual({ seconds: 30, standardVersion: '1' });
      expect(answerTime(c, 'globex', '2026-03-01T00:00:00Z')).toEqual({ seconds: 15, standardVersion: 'globex:2026.1@1' });
      expect(answerTime(c, 'acme', '2026-03-01T00:00:00Z')).toEqual({ seconds: 20, standardVersion: 'acme:3@1' });
    });

    it('applies each version on the base alone: versions do not stack', () => {
      const c = catalog();
      const at = new Date('2025-06-01T00:00:00Z');
      expect(c.resolve('acme', at).standard('follow-up-call').seconds).toBe(48 * HOUR); // acme:2 leaves it alone
      expect(c.resolve('acme', new Date('2026-06-01T00:00:00Z')).standard('follow-up-call').seconds).toBe(72 * HOUR);
    });

    it('composes a tenant set once and reuses it', () => {
      const c = catalog();
      expect(c.resolve('acme', new Date('2026-02-01T00:00:00Z'))).toBe(c.resolve('acme', new Date('2027-02-01T00:00:00Z')));
      expect(c.resolve('x', new Date('2026-02-01T00:00:00Z')).set).toBe(builtInStandards);
    });

    it('has nothing in force before the first base version', () => {
      expect(() => catalog().resolve('acme', new Date('1999-12-31T23:59:59Z'))).toThrow(NoStandardsInForceError);
      expect(() => catalog().resolve('acme', new Date('1999-12-31T23:59:59Z'))).toThrow(
        'No standards are in force at 1999-12-31T23:59:59.000Z: the first version takes effect at 2000-01-01T00:00:00.000Z',
      );
      expect(answerTime(catalog(), 'acme', '2000-01-01T00:00:00Z').standardVersion).toBe('1');
    });

    it('refuses an invalid date', () => {
      expect(() => catalog().resolve('acme', new Date('soon'))).toThrow(RangeError);
    });
  });

  describe('addTenantVersion', () => {
    it('rejects a version that loosens a floor, before it can ever be resolved', () => {
      const c = new StandardsCatalog();
      const loose = { ...acme3, version: '4', standards: { 'answer-time': { kind: 'deadline', seconds: 31 } } };
      expect(() => c.addTenantVersion(loose)).toThrow(InvalidStandardOverridesError);
      expect(() => c.addTenantVersion(loose)).toThrow('31 s is looser than the floor of 30 s set by Manual ch. 2.1');
      expect(c.tenantVersions('acme')).toEqual([]);
    });

    it('accepts a version that loosens a Hotline default', () => {
      const c = new StandardsCatalog();
      c.addTenantVersion({ ...globex1, standards: { 'long-silence': { kind: 'deadline', seconds: 30 } } });
      expect(c.resolve('globex', new Date('2026-04-01T00:00:00Z')).standard('long-silence').seconds).toBe(30);
    });

    it('rejects a second version with the same label or the same effective instant', () => {
      const c = catalog();
      expect(() => c.addTenantVersion({ ...acme3, effectiveFrom: '2027-01-01T00:00:00Z' })).toThrow(
        "Tenant 'acme' already has standards version '3'",
      );
      expect(() => c.addTenantVersion({ ...acme3, version: '4', effectiveFrom: '2025-12-31T16:00:00Z' })).toThrow(
        "Tenant 'acme' versions '3' and '4' take effect at the same instant",
      );
      expect(() => c.addTenantVersion({ ...acme3, tenantId: 'other' })).not.toThrow();
    });

    it("lists a tenant's versions oldest first, whatever the order they were added in", () => {
      expect(catalog().tenantVersions('acme').map((version) => version.version)).toEqual(['2', '3']);
    });

    it('refuses malformed input', () => {
      expect(() => new StandardsCatalog().addTenantVersion({ tenantId: 'acme' })).toThrow(InvalidStandardOverridesError);
    });
  });

  describe('base revisions (MANUAL ch. 8.4)', () => {
    const revision2: StandardSet = {
      version: '2',
      effectiveFrom: '2027-01-01T00:00:00Z',
      standards: {
        ...builtInStandards.standards,
        'answer-time': { ...builtInStandards.standards['answer-time'], seconds: 20, provenance: 'Manual ch. 2.1 (2027 edition)' },
      },
    };

    it('refuses a tenant version that would loosen a later base', () => {
      const c = new StandardsCatalog({ base: [builtInStandards, revision2] });
      expect(() => c.addTenantVersion(acme2)).toThrow(
        "Invalid standard overrides for tenant 'acme' version '2' on base version '2'",
      );
    });

    it('moves a tenant onto a new base when it takes effect', () => {
      const c = new StandardsCatalog({ base: [builtInStandards, revision2] });
      c.addTenantVersion({ ...acme2, standards: { 'answer-time': { kind: 'deadline', seconds: 18 }, 'long-hold': { kind: 'deadline', seconds: 90 } } });
      expect(answerTime(c, 'acme', '2026-12-31T23:59:59Z')).toEqual({ seconds: 18, standardVersion: 'acme:2@1' });
      expect(answerTime(c, 'acme', '2027-01-01T00:00:00Z')).toEqual({ seconds: 18, standardVersion: 'acme:2@2' });
      expect(answerTime(c, 'other', '2027-01-01T00:00:00Z')).toEqual({ seconds: 20, standardVersion: '2' });
      expect(c.resolve('acme', new Date('2027-06-01T00:00:00Z')).standard('answer-time').derivedFrom?.provenance).toBe(
        'Manual ch. 2.1 (2027 edition)',
      );
    });

    it('checks a tenant version only against the bases it can meet', () => {
      // Revision 2 relaxes the network-fault response to 30 min (a floor can be revised either way).
      const relaxed: StandardSet = {
        ...revision2,
        standards: {
          ...revision2.standards,
          'network-fault-response': { ...builtInStandards.standards['network-fault-response'], seconds: 1800 },
        },
      };
      const twentyMinutes = { 'network-fault-response': { kind: 'deadline' as const, seconds: 1200 } };
      const c = new StandardsCatalog({ base: [builtInStandards, relaxed] });
      // In force from 2028 it only ever meets base 2, where 20 min tightens the 30 min floor.
      c.addTenantVersion({ ...acme2, version: '9', effectiveFrom: '2028-01-01T00:00:00Z', standards: twentyMinutes });
      expect(c.resolve('acme', new Date('2028-01-01T00:00:00Z')).standard('network-fault-response')).toMatchObject({
        seconds: 1200,
        standardVersion: 'acme:9@2',
      });
      // In force from 2026 it would meet base 1 first, where 20 min loosens the 15 min floor.
      expect(() => c.addTenantVersion({ ...acme2, standards: twentyMinutes })).toThrow(
        "Invalid standard overrides for tenant 'acme' version '2' on base version '1'",
      );
    });

    it('refuses unusable base versions', () => {
      expect(() => new StandardsCatalog({ base: [] })).toThrow('at least one base version');
      expect(() => new StandardsCatalog({ base: [builtInStandards, { ...revision2, version: '1' }] })).toThrow(
        "Base version '1' is given twice",
      );
      expect(() => new StandardsCatalog({ base: [{ ...revision2, version: 'v@2' }] })).toThrow("Base version 'v@2' must be");
      expect(() => new StandardsCatalog({ base: [builtInStandards, { ...revision2, effectiveFrom: builtInStandards.effectiveFrom }] })).toThrow(
        'Two base versions take effect at the same instant',
      );
      const tenantSet = applyOverrides(builtInStandards, acme3);
      expect(() => new StandardsCatalog({ base: [tenantSet] })).toThrow("Tenant set 'acme:3@1' cannot be a base version");
    });
  });
});
