import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { newCloudEvent } from '@hotline/contracts';
import { CorrelationContext, Outbox } from '@hotline/messaging';
import type { StandardOverrides } from '@hotline/standards';
import { type AdminActor, adminAuditEvent } from '../tenants/admin-audit';
import { decidePut } from './domain/put-decision';
import { StandardVersionsRepository, type StandardVersionView } from './standard-versions.repository';

const SOURCE = '/hotline/intake';

/** What a PUT did: a new version kept and published, the same one again, or a refused change. */
export type PutResult =
  | { outcome: 'created' | 'unchanged'; version: StandardVersionView }
  | { outcome: 'conflict'; detail: string };

/** Keeps tenants' standards versions and publishes each new one through the outbox (DESIGN decision 11). */
@Injectable()
export class StandardVersionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly versions: StandardVersionsRepository,
    private readonly outbox: Outbox,
  ) {}

  /** `overrides` were validated by libs/standards; the version, its `standards.published` and its `audit.recorded` commit together. */
  put(overrides: StandardOverrides, actor: AdminActor): Promise<PutResult> {
    const { tenantId, version, effectiveFrom, standards } = overrides;
    const incoming = { tenantId, version, effectiveFrom: new Date(effectiveFrom).toISOString(), standards };
    return this.dataSource.transaction(async (manager) => {
      await this.versions.lockTenant(manager, tenantId);
      const decision = decidePut(incoming, await this.versions.list(manager, tenantId));
      if (decision.outcome === 'conflict') return decision;
      if (decision.outcome === 'unchanged') return { outcome: 'unchanged', version: decision.kept };
      const event = newCloudEvent({
        type: 'standards.published',
        source: SOURCE,
        tenantId,
        // Deterministic, so a version published twice (by a replayed outbox row) is applied once downstream.
        id: `standards.published:${tenantId}:${version}`,
        subject: version,
        correlationId: CorrelationContext.current()?.correlationId,
        data: { version, effectiveFrom: incoming.effectiveFrom, standards },
      });
      const kept = await this.versions.insert(manager, incoming, event.id);
      const audit = adminAuditEvent({
        tenantId,
        actor,
        action: 'standards.publish',
        subject: { type: 'standards_version', id: version },
        after: { version, effectiveFrom: incoming.effectiveFrom, standards: Object.keys(standards ?? {}) },
        summary: `standards version ${version} published`,
      });
      await this.outbox.add(manager, [event, audit]);
      return { outcome: 'created', version: kept };
    });
  }

  list(tenantId: string, page: { limit: number; after?: string }): Promise<StandardVersionView[]> {
    return this.versions.list(this.dataSource.manager, tenantId, page);
  }

  find(tenantId: string, version: string): Promise<StandardVersionView | undefined> {
    return this.versions.find(this.dataSource.manager, tenantId, version);
  }
}
