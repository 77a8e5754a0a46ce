import { deepFreeze } from './deep-freeze';
import { formatDuration } from './duration';
import { defaultEtiquetteRule, type EtiquetteStandardId, type EtiquetteWeight, isEtiquetteStandardId } from './etiquette-rules';
import { isFloor, tenantStandard } from './provenance';
import { formatRatio } from './ratio';
import type { CountStandard, DeadlineStandard, PhraseLists, PhrasesStandard, RatioStandard, Standard } from './standard';
import { standardIds, type StandardsById } from './standard-ids';
import { MAX_STANDARD_VERSION_LENGTH, tenantSetVersion, type StandardSet } from './standard-set';
import {
  describeOverrides,
  type CountOverride,
  InvalidStandardOverridesError,
  parseStandardOverrides,
  type DeadlineOverride,
  type OverrideIssue,
  type PhrasesOverride,
  type RatioOverride,
} from './standard-overrides';

/**
 * Applies one version of a tenant's standard to a base set and returns the tenant's set.
 *
 * Tighten, never loosen (MANUAL ch. 1.3): a deadline may get shorter, a ratio's maximum smaller and a
 * count's threshold lower (or its window longer); an etiquette rule's deduction heavier (never
 * lighter than Hotline's default weight, kept in `etiquetteWeights`);
 * a phrase list may gain phrases (for a forbidden list that forbids more), never lose one. Loosening
 * a floor — a figure from a regulation or from the manual itself — is rejected, naming the standard
 * and both values. A `Hotline default` is not a floor: a tenant may set it either way (see `isFloor`).
 *
 * A changed standard gets layer `tenant`, the tenant's provenance, and `derivedFrom`: the base
 * standard it replaced. The set's version is `<tenantId>:<version>@<base version>`, and it is in
 * force from the later of the two effective dates. It is deeply frozen, and so are the base
 * standards it shares.
 *
 * `overrides` is validated at run time (it may come from configuration or a database), so it is
 * typed `unknown`; write it as a `StandardOverrides` for type checking. Every problem is reported in
 * one `InvalidStandardOverridesError`.
 */
export function applyOverrides(base: StandardSet, overrides: unknown): StandardSet {
  if (base.tenant) {
    throw new Error(
      `Overrides apply to a base set, not to tenant set '${base.version}': each tenant version lists all of its changes`,
    );
  }
  const parsed = parseStandardOverrides(overrides);
  const issues: OverrideIssue[] = [];
  const version = tenantSetVersion(parsed.tenantId, parsed.version, base.version);
  if (version.length > MAX_STANDARD_VERSION_LENGTH) {
    issues.push({
      path: 'tenantId',
      message: `The recorded version '${version}' would exceed ${MAX_STANDARD_VERSION_LENGTH} characters: use a shorter tenant id or version`,
    });
  }
  const provenance = tenantStandard(parsed.tenantId, parsed.version);
  const standards: Record<string, Standard> = { ...base.standards };
  const weights: Partial<Record<EtiquetteStandardId, EtiquetteWeight>> = {};
  for (const id of standardIds) {
    const override = parsed.standards[id];
    if (override === undefined) {
      continue;
    }
    const original: Standard = base.standards[id];
    const changed = { layer: 'tenant' as const, provenance };
    const path = `standards.${id}`;
    if (isEtiquetteStandardId(id)) {
      const weight = weightOf(id, override as Partial<EtiquetteWeight>, path, issues);
      if (weight !== undefined) weights[id] = weight;
    }
    if (original.kind === 'deadline') {
      const { seconds } = override as DeadlineOverride;
      if (seconds === undefined) continue; // a weight alone
      if (isFloor(original) && seconds > original.seconds) {
        issues.push({ path: `${path}.seconds`, message: looser(original, formatSeconds(seconds), formatSeconds(original.seconds)) });
      }
      standards[id] = { ...original, ...changed, seconds, derivedFrom: original } satisfies DeadlineStandard;
    } else if (original.kind === 'ratio') {
      const { max } = override as RatioOverride;
      if (isFloor(original) && max > original.max) {
        issues.push({ path: `${path}.max`, message: looser(original, formatRatio(max), formatRatio(original.max)) });
      }
      standards[id] = { ...original, ...changed, max, derivedFrom: original } satisfies RatioStandard;
    } else if (original.kind === 'count') {
      const { count = original.count, windowSeconds = original.windowSeconds } = override as CountOverride;
      if (isFloor(original) && (count > original.count || windowSeconds < original.windowSeconds)) {
        issues.push({ path, message: looser(original, `${count} in ${formatSeconds(windowSeconds)}`, `${original.count} in ${formatSeconds(original.windowSeconds)}`) });
      }
      standards[id] = { ...original, ...changed, count, windowSeconds, derivedFrom: original } satisfies CountStandard;
    } else {
      const { add } = override as PhrasesOverride;
      if (add === undefined) continue; // a weight alone
      const phrases = withAdded(original.phrases, add);
      standards[id] = { ...original, ...changed, phrases, derivedFrom: original } satisfies PhrasesStandard;
    }
  }
  if (issues.length > 0) {
    throw new InvalidStandardOverridesError(issues, `${describeOverrides(overrides)} on base version '${base.version}'`);
  }
  return deepFreeze({
    version,
    effectiveFrom: laterOf(base.effectiveFrom, parsed.effectiveFrom),
    tenant: { tenantId: parsed.tenantId, version: parsed.version, baseVersion: base.version },
    standards: standards as unknown as StandardsById,
    ...(Object.keys(weights).length > 0 && { etiquetteWeights: weights }),
  });
}

/**
 * A tenant's weight of an etiquette rule, or undefined when it sets none: points and cap default
 * to Hotline's (the cap raised to the points when only they are heavier). Lighter than the default
 * is a loosening, reported naming the field.
 */
function weightOf(id: EtiquetteStandardId, override: Partial<EtiquetteWeight>, path: string, issues: OverrideIssue[]): EtiquetteWeight | undefined {
  if (override.points === undefined && override.maxPoints === undefined) return undefined;
  const rule = defaultEtiquetteRule(id);
  const points = override.points ?? rule.points;
  const maxPoints = override.maxPoints ?? Math.max(rule.maxPoints, points);
  const lighter = (field: 'points' | 'maxPoints', value: number, what: string) =>
    issues.push({
      path: `${path}.${field}`,
      message: `'${id}': ${value} points ${what} is lighter than Hotline's default weight of ${rule[field]}; a tenant may only make a deduction heavier`,
    });
  if (points < rule.points) lighter('points', points, 'per breach');
  if (maxPoints < rule.maxPoints) lighter('maxPoints', maxPoints, 'per contact at most');
  else if (maxPoints < points) issues.push({ path: `${path}.maxPoints`, message: `'${id}': maxPoints ${maxPoints} is less than its ${points} points per breach` });
  return { points, maxPoints };
}

function looser(original: Standard, value: string, floor: string): string {
  return (
    `'${original.id}' (${original.title}): ${value} is looser than the floor of ${floor} set by ` +
    `${original.provenance}; a tenant may only tighten it`
  );
}

function formatSeconds(seconds: number): string {
  const readable = formatDuration(seconds);
  return readable === `${seconds} s` ? readable : `${readable} (${seconds} s)`;
}

function withAdded(phrases: PhraseLists, add: NonNullable<PhrasesOverride['add']>): PhraseLists {
  const merge = (existing: readonly string[], added: readonly string[] = []) => [...new Set([...existing, ...added])];
  return { zh: merge(phrases.zh, add.zh), en: merge(phrases.en, add.en) };
}

function laterOf(a: string, b: string): string {
  const [first, second] = [new Date(a), new Date(b)];
  return (first.getTime() >= second.getTime() ? first : second).toISOString();
}
