import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { KnownCloudEvent } from '@hotline/contracts';
import { TenantStandards } from '@hotline/tenant-standards';
import { DetectIncidents } from '../../incidents/use-cases/detect-incidents';
import { BULK_STANDARD, bulkRead, readKindOf } from '../domain/bulk-read';
import { RecordReadsRepository } from '../record-reads.repository';
import { timeOf } from '../event-time';

/**
 * Sums each user's audited reads and exports of customer records (`audit.recorded` with an action
 * `<area>.read` or `<area>.export` and a count of `records`) within the tenant's standard's window,
 * and opens a `bulk_read` incident when they reach its count. In the consumer's transaction.
 */
@Injectable()
export class DetectBulkReads {
  constructor(
    private readonly reads: RecordReadsRepository,
    private readonly standards: TenantStandards,
    private readonly incidents: DetectIncidents,
  ) {}

  async execute(manager: EntityManager, event: KnownCloudEvent<'audit.recorded'>): Promise<void> {
    const { actor, action, records } = event.data;
    const kind = readKindOf(action);
    if (!kind || !records) return;
    const tenantId = event.tenantid;
    const at = timeOf(event);
    await this.reads.lock(manager, tenantId, actor.id, kind);
    const read = { tenantId, eventSource: event.source, eventId: event.id, actorId: actor.id, kind, records, at };
    if (!(await this.reads.record(manager, read))) return;
    const standard = (await this.standards.resolve(tenantId, at)).standard(BULK_STANDARD[kind]);
    const windowStart = new Date(at.getTime() - standard.windowSeconds * 1000);
    const detection = bulkRead(actor.id, kind, await this.reads.recordsBetween(manager, tenantId, actor.id, kind, windowStart, at), standard);
    if (detection) await this.incidents.record(manager, event, detection);
  }
}
