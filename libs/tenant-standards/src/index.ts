// @hotline/tenant-standards: a consumer's copy of its tenants' standards versions (DESIGN decision 11).

export { TenantStandardsModule } from './lib/tenant-standards.module';
export { TenantStandards } from './lib/tenant-standards.service';
export { DEFAULT_CACHE_TTL_MS, type TenantStandardsOptions } from './lib/tenant-standards-options';
export { tenantStandardsMigration } from './lib/tenant-standards.migration';
export { tenantStandardVersionsV1Sql } from './lib/tenant-standard-versions-sql';
export type { HeldStandardsView } from './lib/held-standards';
export type { ReceivedVersion } from './lib/received-version';
