import type { StandardOverrides } from '@hotline/standards';

/** A tenant standards version as a consumer keeps it: the overrides, and when it arrived. */
export interface ReceivedVersion {
  tenantId: string;
  version: string;
  /** ISO 8601 instant. */
  effectiveFrom: string;
  standards: StandardOverrides['standards'];
  receivedAt: string;
}

/** The overrides libs/standards takes (`StandardsCatalog.addTenantVersion`) for a kept version. */
export function overridesOf({ tenantId, version, effectiveFrom, standards }: Omit<ReceivedVersion, 'receivedAt'>): StandardOverrides {
  return { tenantId, version, effectiveFrom, standards };
}
