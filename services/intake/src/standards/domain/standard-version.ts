import type { StandardOverrides } from '@hotline/standards';

/** One version of a tenant's standards as intake keeps it: the tenant's overrides of the built-in standards. */
export interface StandardVersion {
  tenantId: string;
  /** The tenant's label for it ('3', '2026.1'); immutable once kept. */
  version: string;
  /** ISO 8601 instant it takes effect. */
  effectiveFrom: string;
  standards: StandardOverrides['standards'];
}
