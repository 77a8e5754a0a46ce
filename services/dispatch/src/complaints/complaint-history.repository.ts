import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseHistoryEntity } from '../cases/case-history.entity';
import { CaseTransitionEntity } from '../cases/case-transition.entity';
import type { ServiceCase } from '../cases/domain/service-case';
import type { FilingRecord, StageMoveRecord } from './domain/complaint-history';

/** What the complaint's case recorded, for its full history: the filing events and every stage move. */
@Injectable()
export class ComplaintHistoryRepository {
  /** Each `complaint.filed` of the case (a re-send under another event id is listed too), with what was filed. */
  async filings(manager: EntityManager, kase: ServiceCase): Promise<FilingRecord[]> {
    const { tenantId, caseId, category, summary, customerId } = kase.snapshot;
    const rows = await manager.getRepository(CaseHistoryEntity).find({ where: { tenantId, caseId, kind: 'complaint.filed' }, order: { id: 'ASC' } });
    return rows.map((row) => ({ at: row.at, eventId: row.eventId, eventType: row.kind, category, description: summary, customerId }));
  }

  async moves(manager: EntityManager, kase: ServiceCase): Promise<StageMoveRecord[]> {
    const { tenantId, caseId } = kase.snapshot;
    const rows = await manager.getRepository(CaseTransitionEntity).find({ where: { tenantId, caseId }, order: { version: 'ASC' } });
    return rows.map((row) => ({
      at: row.at,
      actor: { id: row.actorId, kind: row.actorKind, roles: row.actorRoles },
      from: row.fromStage,
      to: row.toStage,
      reason: row.reason,
      version: row.version,
    }));
  }
}
