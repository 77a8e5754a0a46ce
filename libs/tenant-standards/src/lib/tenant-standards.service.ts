import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ResolvedStandards, StandardsCatalog } from '@hotline/standards';
import { catalogOf, type HeldStandardsView, heldStandardsView } from './held-standards';
import type { ReceivedVersion } from './received-version';
import { TenantStandardVersionsRepository } from './tenant-standard-versions.repository';
import { TtlCache } from './ttl-cache';
import { DEFAULT_CACHE_TTL_MS, TENANT_STANDARDS_OPTIONS, type TenantStandardsOptions } from './tenant-standards-options';

interface Loaded {
  versions: ReceivedVersion[];
  catalog: StandardsCatalog;
}

/**
 * The standards in force for a tenant at an instant (an event's `time`, DESIGN decisions 11 and 12),
 * from the versions this service received.
 *
 * Replicas: every replica of a service shares its schema, but only one consumes a given
 * `standards.published`. So versions are read from the table, never from what this process
 * consumed, through a per-tenant cache whose entries live `cacheTtlMs` (default 5 s): a version
 * another replica kept is seen here within that time, at one query per tenant per period. A
 * LISTEN/NOTIFY invalidation would be faster but is only a hint (lost while a replica's listener
 * reconnects), so it would still need the TTL underneath; versions are normally published well
 * before they take effect, which a few seconds do not change.
 */
@Injectable()
export class TenantStandards {
  private readonly cache: TtlCache<string, Loaded>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly versions: TenantStandardVersionsRepository,
    @Inject(TENANT_STANDARDS_OPTIONS) options: TenantStandardsOptions,
  ) {
    this.cache = new TtlCache(options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS);
  }

  /** The standards in force for `tenantId` at `at`; record `standard(id).standardVersion` with any verdict. */
  async resolve(tenantId: string, at: Date): Promise<ResolvedStandards> {
    const { catalog } = await this.cache.get(tenantId, () => this.load(tenantId));
    return catalog.resolve(tenantId, at);
  }

  /** What this service holds for the tenant, read now (and so refreshing this replica's cache), and what is in force at `at`. */
  async held(tenantId: string, at: Date): Promise<HeldStandardsView> {
    const { versions } = await this.cache.set(tenantId, this.load(tenantId));
    return heldStandardsView(tenantId, versions, at);
  }

  private async load(tenantId: string): Promise<Loaded> {
    const versions = await this.versions.list(this.dataSource.manager, tenantId);
    return { versions, catalog: catalogOf(versions) };
  }
}
