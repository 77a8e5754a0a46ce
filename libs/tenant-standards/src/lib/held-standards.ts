import { StandardsCatalog } from '@hotline/standards';
import { overridesOf, type ReceivedVersion } from './received-version';

/** What `GET /v1/standards` shows: the tenant's versions this service holds, and the set in force at `at`. */
export interface HeldStandardsView {
  tenantId: string;
  at: string;
  inForce: {
    /** What verdicts record as `standardVersion`: '1' (built-in) or `acme:3@1`. */
    version: string;
    /** The tenant's version applied, or null when only the built-in standards are in force. */
    tenantVersion: string | null;
    effectiveFrom: string;
  };
  versions: Array<ReceivedVersion & { inForce: boolean }>;
}

/** A tenant's received versions, in a catalog of the built-in standards (which validates each as it is added). */
export function catalogOf(versions: readonly Omit<ReceivedVersion, 'receivedAt'>[]): StandardsCatalog {
  return new StandardsCatalog({ tenantVersions: versions.map(overridesOf) });
}

export function heldStandardsView(tenantId: string, versions: readonly ReceivedVersion[], at: Date): HeldStandardsView {
  const { set } = catalogOf(versions).resolve(tenantId, at);
  const tenantVersion = set.tenant?.version ?? null;
  return {
    tenantId,
    at: at.toISOString(),
    inForce: { version: set.version, tenantVersion, effectiveFrom: set.effectiveFrom },
    versions: versions.map((version) => ({ ...version, inForce: version.version === tenantVersion })),
  };
}
