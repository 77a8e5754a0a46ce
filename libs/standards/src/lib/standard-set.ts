import type { EtiquetteWeights } from './etiquette-rules';
import type { StandardsById } from './standard-ids';

/**
 * One version of the standards (MANUAL ch. 8.4: standards are revised; each version has an
 * effective date). Either a base set (the built-in standards, or a later revision of them) or a
 * tenant's set: a base set with one tenant version's overrides applied.
 */
export interface StandardSet {
  /**
   * What verdicts record as `standardVersion`. A base set's own version ('1'); a tenant set's is
   * `<tenantId>:<tenant version>@<base version>` (see `tenantSetVersion`).
   */
  version: string;
  /** When this version takes effect: ISO 8601 date-time with an offset. */
  effectiveFrom: string;
  /** Set on a tenant set only. */
  tenant?: { tenantId: string; version: string; baseVersion: string };
  standards: StandardsById;
  /** A tenant set's heavier etiquette weights, by rule; absent: Hotline's defaults (`etiquetteRules`). */
  etiquetteWeights?: EtiquetteWeights;
}

/** The contracts' limit on a recorded `standardVersion`. */
export const MAX_STANDARD_VERSION_LENGTH = 100;

/**
 * The version a tenant set records, naming both the tenant's override version and the base it was
 * applied to: tenant `acme`, its version `3`, on built-in version `1` → `acme:3@1`. Tenant and base
 * versions contain neither ':' nor '@', so the last '@' and the ':' before it split it unambiguously.
 * A verdict that records it can be re-judged later: find the tenant's version 3 and base version 1.
 */
export function tenantSetVersion(tenantId: string, tenantVersion: string, baseVersion: string): string {
  return `${tenantId}:${tenantVersion}@${baseVersion}`;
}
