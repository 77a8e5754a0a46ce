import { applyOverrides } from './apply-overrides';
import { builtInStandards } from './built-in-standards';
import { ResolvedStandards } from './resolved-standards';
import type { StandardSet } from './standard-set';
import { parseStandardOverrides, type StandardOverrides } from './standard-overrides';

/** A base version is a label like a tenant's: no ':' or '@', so tenant set versions stay unambiguous. */
const BASE_VERSION_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/** No standards were in force at the instant asked about (before the first base version). */
export class NoStandardsInForceError extends Error {
  constructor(at: Date, first: string) {
    super(`No standards are in force at ${at.toISOString()}: the first version takes effect at ${first}`);
    this.name = 'NoStandardsInForceError';
  }
}

export interface StandardsCatalogOptions {
  /** The base versions (revisions of the built-in standards). Default: `[builtInStandards]`. */
  base?: readonly StandardSet[];
  /** Tenant versions to add at once, as `addTenantVersion` would. */
  tenantVersions?: readonly unknown[];
}

interface Dated<T> {
  from: number;
  value: T;
}

/**
 * Every version of the standards: the base versions and each tenant's versions, each with its
 * effective date (MANUAL ch. 8.4). Pure and in memory: a service loads tenant versions from its
 * own storage or configuration and adds them.
 *
 * `resolve(tenantId, at)` gives the set in force for that tenant at that instant: the latest base
 * version whose `effectiveFrom` ≤ `at`, with the tenant's latest version whose `effectiveFrom` ≤ `at`
 * applied (none yet: the base set itself). Its version is the base's ('1') or `tenant:version@base`
 * (`acme:3@1`).
 */
export class StandardsCatalog {
  private readonly bases: readonly Dated<StandardSet>[];
  private readonly tenants = new Map<string, Dated<StandardOverrides>[]>();
  private readonly composed = new Map<string, ResolvedStandards>();

  constructor(options: StandardsCatalogOptions = {}) {
    const bases = options.base ?? [builtInStandards];
    if (bases.length === 0) {
      throw new Error('A standards catalog needs at least one base version');
    }
    const seen = new Set<string>();
    for (const base of bases) {
      if (base.tenant) {
        throw new Error(`Tenant set '${base.version}' cannot be a base version`);
      }
      if (!BASE_VERSION_PATTERN.test(base.version)) {
        throw new Error(`Base version '${base.version}' must be 1-40 letters, digits, '.', '_' or '-'`);
      }
      if (seen.has(base.version)) {
        throw new Error(`Base version '${base.version}' is given twice`);
      }
      seen.add(base.version);
    }
    const dated = bases.map((base) => ({ from: instant(base.effectiveFrom, `base version '${base.version}'`), value: base }));
    this.bases = sortedByDate(dated, 'base versions');
    for (const version of options.tenantVersions ?? []) {
      this.addTenantVersion(version);
    }
  }

  /**
   * Adds one version of a tenant's standard. Validated now, against every base version it may be
   * applied to (the one in force at its effective date and every later one), so a version that
   * loosens a floor is refused here rather than when a verdict needs it. Returns the parsed version.
   */
  addTenantVersion(input: unknown): StandardOverrides {
    const overrides = parseStandardOverrides(input);
    const from = instant(overrides.effectiveFrom, 'effectiveFrom');
    const existing = this.tenants.get(overrides.tenantId) ?? [];
    for (const other of existing) {
      if (other.value.version === overrides.version) {
        throw new Error(`Tenant '${overrides.tenantId}' already has standards version '${overrides.version}'`);
      }
      if (other.from === from) {
        throw new Error(
          `Tenant '${overrides.tenantId}' versions '${other.value.version}' and '${overrides.version}' ` +
            `take effect at the same instant (${overrides.effectiveFrom})`,
        );
      }
    }
    this.bases.forEach((base, index) => {
      const next = this.bases[index + 1];
      if (next === undefined || next.from > from) {
        applyOverrides(base.value, overrides); // throws when it loosens a floor of this base
      }
    });
    this.tenants.set(overrides.tenantId, sortedByDate([...existing, { from, value: overrides }], 'tenant versions'));
    return overrides;
  }

  /** A tenant's versions, oldest first. */
  tenantVersions(tenantId: string): readonly StandardOverrides[] {
    return (this.tenants.get(tenantId) ?? []).map((version) => version.value);
  }

  /** The standards in force for `tenantId` at `at`. Throws `NoStandardsInForceError` before the first base version. */
  resolve(tenantId: string, at: Date): ResolvedStandards {
    const time = at.getTime();
    if (Number.isNaN(time)) {
      throw new RangeError('resolve needs a valid date');
    }
    const base = latestAt(this.bases, time);
    if (base === undefined) {
      throw new NoStandardsInForceError(at, this.bases[0].value.effectiveFrom);
    }
    const tenant = latestAt(this.tenants.get(tenantId) ?? [], time);
    if (tenant === undefined) {
      return this.memo(`base\u0000${base.version}`, () => base);
    }
    return this.memo(`${tenantId}\u0000${tenant.version}\u0000${base.version}`, () => applyOverrides(base, tenant));
  }

  private memo(key: string, compose: () => StandardSet): ResolvedStandards {
    let resolved = this.composed.get(key);
    if (resolved === undefined) {
      resolved = new ResolvedStandards(compose());
      this.composed.set(key, resolved);
    }
    return resolved;
  }
}

function instant(iso: string, what: string): number {
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) {
    throw new Error(`The effective date of ${what} is not a valid date: '${iso}'`);
  }
  return time;
}

function sortedByDate<T>(items: Dated<T>[], what: string): Dated<T>[] {
  const sorted = [...items].sort((a, b) => a.from - b.from);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].from === sorted[i - 1].from) {
      throw new Error(`Two ${what} take effect at the same instant (${new Date(sorted[i].from).toISOString()})`);
    }
  }
  return sorted;
}

/** The last item in force at `time` (items sorted by `from`). */
function latestAt<T>(items: readonly Dated<T>[], time: number): T | undefined {
  let found: T | undefined;
  for (const item of items) {
    if (item.from > time) {
      break;
    }
    found = item.value;
  }
  return found;
}
