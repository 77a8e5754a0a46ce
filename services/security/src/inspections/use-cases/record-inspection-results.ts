import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Outbox } from '@hotline/messaging';
import { ValidationProblem } from '@hotline/platform';
import { DurableTimers } from '@hotline/timers';
import type { IncidentActor } from '../../incidents/domain/incident';
import { type Finding, findingsIssues, nextDueAfter } from '../domain/inspection';
import { isoDurationMs } from '../domain/iso-duration';
import { inspectionAudit } from '../inspection-audit';
import { type InspectionResponse, toInspectionResponse } from '../inspection-response';
import { INSPECTION_DUE_TIMER, INSPECTIONS_CLOCK, type InspectionsClock } from '../inspections-clock';
import { InspectionsRepository } from '../inspections.repository';

/**
 * Records the findings for the inspection's current due date, with who recorded them; the next due
 * date advances along the schedule and the overdue timer moves to it. Undefined for an unknown
 * inspection; a 400 naming the finding for one not matching the checklist, with nothing recorded.
 */
@Injectable()
export class RecordInspectionResults {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly inspections: InspectionsRepository,
    private readonly timers: DurableTimers,
    private readonly outbox: Outbox,
    @Inject(INSPECTIONS_CLOCK) private readonly clock: InspectionsClock,
  ) {}

  execute(tenantId: string, id: string, findings: Finding[], actor: IncidentActor): Promise<InspectionResponse | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.inspections.findForUpdate(manager, tenantId, id);
      if (!row) return undefined;
      const issues = findingsIssues(row.checklist, findings);
      if (issues.length > 0) throw new ValidationProblem(issues);
      const now = this.clock.now();
      const dueAt = new Date(row.nextDueAt);
      const result = { dueAt, recordedAt: now, actor, findings };
      await this.inspections.addResult(manager, tenantId, id, result);
      const next = { ...row, nextDueAt: nextDueAfter(dueAt, isoDurationMs(row.every) as number, now), updatedAt: now };
      await this.inspections.save(manager, next);
      await this.timers.set(manager, { tenantId, kind: INSPECTION_DUE_TIMER, key: id, dueAt: next.nextDueAt, payload: { dueAt: next.nextDueAt.toISOString() } });
      const failed = findings.filter(({ ok }) => !ok).length;
      const after = { dueAt: dueAt.toISOString(), findings: findings.length, failed, nextDueAt: next.nextDueAt.toISOString() };
      await this.outbox.add(manager, [inspectionAudit(tenantId, actor, 'inspection.record', id, after)]);
      return toInspectionResponse(next, result, now);
    });
  }
}
