import { type Principal, ProblemException } from '@hotline/platform';

/**
 * The tenant Hotline itself acts for: the platform operator's own tenant, and the tenant of events
 * that belong to no customer (e.g. `access.denied` for a key nobody owns).
 */
export const PLATFORM_TENANT = '_platform';

/**
 * JWT `tenant` claims that make an admin the platform operator, who manages every tenant's keys:
 * `*` (any tenant) and the platform's own tenant. Any other admin is a tenant admin and manages
 * only the tenant named in its token.
 */
export const OPERATOR_TENANTS: readonly string[] = ['*', PLATFORM_TENANT];

/** Tenants no key may be issued for: a key's tenant is stamped on every event it sends. */
export const RESERVED_TENANTS: readonly string[] = OPERATOR_TENANTS;

/** Whether an admin whose token names `principalTenant` may manage `tenantId`'s API keys. */
export function mayManageTenant(principalTenant: string, tenantId: string): boolean {
  return OPERATOR_TENANTS.includes(principalTenant) || principalTenant === tenantId;
}

/** Throws a 403 problem unless the principal may manage `tenantId`'s `what` (e.g. "API keys"). */
export function assertMayManageTenant(principal: Principal, tenantId: string, what: string): void {
  if (!mayManageTenant(principal.tenantId, tenantId)) {
    throw new ProblemException({ status: 403, detail: `Your token's tenant may not manage tenant ${tenantId}'s ${what}.` });
  }
}
