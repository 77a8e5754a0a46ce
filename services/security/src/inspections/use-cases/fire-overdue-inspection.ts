import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FiredTimer } from '@hotline/timers';
import { DetectIncidents } from '../../incidents/use-cases/detect-incidents';
import { inspectionOverdue } from '../domain/inspection';
import { INSPECTION_DUE_TIMER } from '../inspections-clock';
import { InspectionsRepository } from '../inspections.repository';

/**
 * An inspection's due date passed (also one that passed while security was down: the timer fires
 * at start): unless results were recorded meanwhile (the inspection is then due later), open an
 * `inspection_overdue` incident, once per due date. In the timer's transaction.
 */
@Injectable()
export class FireOverdueInspection {
  constructor(
    private readonly inspections: InspectionsRepository,
    private readonly incidents: DetectIncidents,
  ) {}

  async execute(manager: EntityManager, timer: FiredTimer): Promise<void> {
    const row = await this.inspections.findForUpdate(manager, timer.tenantId, timer.key);
    const dueAt = new Date(String(timer.payload['dueAt']));
    if (!row || new Date(row.nextDueAt).getTime() !== dueAt.getTime()) return;
    const cause = { tenantid: timer.tenantId, id: `${INSPECTION_DUE_TIMER}:${row.id}:${dueAt.toISOString()}`, type: INSPECTION_DUE_TIMER, time: dueAt.toISOString() };
    const detection = inspectionOverdue(row.id, row.title, dueAt, row.ownerRole);
    await this.incidents.record(manager, cause, { ...detection, detail: { ...detection.detail, late: timer.late } });
  }
}
