import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Outbox } from '@hotline/messaging';
import { DurableTimers } from '@hotline/timers';
import type { IncidentActor } from '../../incidents/domain/incident';
import type { InspectionDefinition } from '../domain/inspection';
import { inspectionAudit } from '../inspection-audit';
import { type InspectionResponse, toInspectionResponse } from '../inspection-response';
import { INSPECTION_DUE_TIMER, INSPECTIONS_CLOCK, type InspectionsClock } from '../inspections-clock';
import { InspectionsRepository } from '../inspections.repository';

/**
 * Creates or replaces an inspection's definition. A new inspection, or a changed `firstDueAt`, is
 * next due at `firstDueAt`; otherwise its next due date stands. The overdue timer is set to it, the
 * change audited, all in one transaction.
 */
@Injectable()
export class PutInspection {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly inspections: InspectionsRepository,
    private readonly timers: DurableTimers,
    private readonly outbox: Outbox,
    @Inject(INSPECTIONS_CLOCK) private readonly clock: InspectionsClock,
  ) {}

  execute(tenantId: string, id: string, definition: InspectionDefinition, actor: IncidentActor): Promise<InspectionResponse> {
    return this.dataSource.transaction(async (manager) => {
      await this.inspections.lockNew(manager, tenantId, id);
      const existing = await this.inspections.findForUpdate(manager, tenantId, id);
      const sameStart = existing && new Date(existing.firstDueAt).getTime() === definition.firstDueAt.getTime();
      const now = this.clock.now();
      const row = {
        tenantId,
        id,
        title: definition.title,
        checklist: [...definition.checklist],
        every: definition.every,
        ownerRole: definition.ownerRole,
        firstDueAt: definition.firstDueAt,
        nextDueAt: sameStart ? new Date(existing.nextDueAt) : definition.firstDueAt,
        updatedAt: now,
      };
      await this.inspections.save(manager, row);
      await this.timers.set(manager, { tenantId, kind: INSPECTION_DUE_TIMER, key: id, dueAt: row.nextDueAt, payload: { dueAt: row.nextDueAt.toISOString() } });
      const after = { title: row.title, items: row.checklist.length, every: row.every, ownerRole: row.ownerRole, nextDueAt: row.nextDueAt.toISOString() };
      await this.outbox.add(manager, [inspectionAudit(tenantId, actor, 'inspection.put', id, after)]);
      const last = (await this.inspections.latestResults(manager, tenantId)).get(id);
      return toInspectionResponse(row, last, now);
    });
  }
}
