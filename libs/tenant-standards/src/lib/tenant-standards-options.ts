export interface TenantStandardsOptions {
  /** The service's PostgreSQL schema, which holds `tenant_standard_versions`. */
  schema: string;
  /**
   * How long a replica serves a tenant's versions from memory before reading them again (default
   * 5 s): the longest a version another replica consumed can go unseen here. See README.md.
   */
  cacheTtlMs?: number;
}

export const TENANT_STANDARDS_OPTIONS = Symbol('TENANT_STANDARDS_OPTIONS');

export const DEFAULT_CACHE_TTL_MS = 5_000;
