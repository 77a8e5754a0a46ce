import type { Standard } from './standard';

/** Provenance of a value Hotline chose where the manual is silent (MANUAL.md marks it **default**). */
export const HOTLINE_DEFAULT = 'Hotline default';

/** Provenance of a figure the manual itself states, e.g. `Manual ch. 2.1`. */
export const manualChapter = (chapter: string): string => `Manual ch. ${chapter}`;

/** Provenance of a value a tenant set, e.g. `Tenant acme standard 3`. */
export const tenantStandard = (tenantId: string, version: string): string => `Tenant ${tenantId} standard ${version}`;

/** The regulations under the manual (MANUAL.md, "The national floor under the manual"). */
export const sources = {
  telecomRegulations: '《电信条例》',
  complaintRules: '《电信用户申诉处理办法》 Art. 10',
  serviceSpecification: '《电信服务规范》',
  mobileServiceSpecification: '3G 业务服务规范 (2009)',
} as const;

/**
 * Whether a standard is a floor a tenant may only tighten (MANUAL ch. 1.3: "a tenant's enterprise
 * standard may tighten, never loosen, the national/industry floor").
 *
 * The rule: every figure with a source — a regulation (national or industry layer) or the manual's
 * own text (`Manual ch. …`, e.g. answer within 30 s, respond to a network fault within 15 min) — is
 * a floor. A `Hotline default` is not: MANUAL.md says defaults "must be configurable", so a tenant
 * may move one either way (within the sanity bounds of the override schema). No Hotline default is
 * bounded by a floor today; one that were would get its own floor standard, which is checked.
 * A tenant's value is judged by the standard it replaced.
 */
export function isFloor(standard: Standard): boolean {
  const original = standard.derivedFrom ?? standard;
  return original.provenance !== HOTLINE_DEFAULT;
}
