import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { CaseStage } from '../cases/domain/case-stage';
import type { ServiceCase } from '../cases/domain/service-case';
import { ServiceCaseEntity } from '../cases/service-case.entity';
import { type CaseListKey, type PageRequest, toAggregate } from '../cases/service-case.repository';
import { COMPLAINT_CASE_PREFIX } from './complaint-case';
import { ComplaintEntity } from './complaint.entity';
import { ComplaintEntryEntity } from './complaint-entry.entity';
import { type ComplaintState, complaintState, type ComplaintStatus, filedComplaint } from './domain/complaint';
import type { ComplaintEntry } from './domain/complaint-entry';

/** Filters of GET /v1/complaints; each is optional. */
export interface ComplaintFilters {
  state?: ComplaintState;
  archived?: boolean;
  stage?: CaseStage;
}

export interface ComplaintListItem {
  kase: ServiceCase;
  status: ComplaintStatus;
}

/** Where complaints are kept: their status row (locked for each update) and their entries. */
@Injectable()
export class ComplaintsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The complaint's status, its row locked until the caller's transaction ends, so its updates
   * apply one at a time. The row is written by the first update (a complaint just filed has none).
   */
  async lock(manager: EntityManager, tenantId: string, complaintId: string, caseId: string): Promise<ComplaintStatus> {
    const filed = filedComplaint(tenantId, complaintId, caseId);
    await manager.createQueryBuilder().insert().into(ComplaintEntity).values(toRow(filed)).orIgnore().execute();
    const row = await manager.getRepository(ComplaintEntity).findOne({ where: { tenantId, complaintId }, lock: { mode: 'pessimistic_write' } });
    return row ? toStatus(row) : filed;
  }

  /** Writes an update the domain decided: the new status and its entry. */
  async save(manager: EntityManager, status: ComplaintStatus, entry: ComplaintEntry): Promise<void> {
    const { tenantId, complaintId } = status;
    await manager.update(ComplaintEntity, { tenantId, complaintId }, toRow(status));
    const { kind, at, actor, ...detail } = entry;
    await manager.insert(ComplaintEntryEntity, { tenantId, complaintId, kind, at, actorId: actor.id, actorKind: actor.kind, actorRoles: actor.roles, detail });
  }

  async find(tenantId: string, complaintId: string, caseId: string, manager: EntityManager = this.dataSource.manager): Promise<ComplaintStatus> {
    const row = await manager.getRepository(ComplaintEntity).findOneBy({ tenantId, complaintId });
    return row ? toStatus(row) : filedComplaint(tenantId, complaintId, caseId);
  }

  /** Every entry of a complaint, in the order recorded. */
  async entries(tenantId: string, complaintId: string, manager: EntityManager = this.dataSource.manager): Promise<ComplaintEntry[]> {
    const rows = await manager.getRepository(ComplaintEntryEntity).find({ where: { tenantId, complaintId }, order: { id: 'ASC' } });
    // Rows are written by save() alone, from an entry of this kind: its detail is that entry's own fields.
    return rows.map(({ kind, at, actorId, actorKind, actorRoles, detail }) => ({ ...detail, kind, at, actor: { id: actorId, kind: actorKind, roles: actorRoles } }) as ComplaintEntry);
  }

  /** A tenant's complaints (cases opened by `complaint.filed`), oldest filed first, after the key of the previous page. */
  async list(tenantId: string, filters: ComplaintFilters, page: PageRequest<CaseListKey>): Promise<ComplaintListItem[]> {
    const query = this.dataSource
      .getRepository(ServiceCaseEntity)
      .createQueryBuilder('c')
      .leftJoin(ComplaintEntity, 'k', 'k.tenant_id = c.tenant_id AND k.case_id = c.case_id')
      .where(`c.tenant_id = :tenantId AND c.type = 'complaint' AND starts_with(c.case_id, :prefix)`, { tenantId, prefix: COMPLAINT_CASE_PREFIX });
    if (filters.state) query.andWhere(`COALESCE(k.state, 'filed') = :state`, { state: filters.state });
    if (filters.archived !== undefined) query.andWhere(filters.archived ? 'k.archived_at IS NOT NULL' : 'k.archived_at IS NULL');
    if (filters.stage) query.andWhere('c.stage = :stage', { stage: filters.stage });
    if (page.after) query.andWhere('(c.opened_at, c.case_id) > (:afterAt, :afterId)', { afterAt: new Date(page.after[0]), afterId: page.after[1] });
    const cases = await query.orderBy('c.opened_at', 'ASC').addOrderBy('c.case_id', 'ASC').limit(page.limit).getMany();
    if (cases.length === 0) return [];
    const rows = await this.dataSource
      .getRepository(ComplaintEntity)
      .createQueryBuilder('k')
      .where('k.tenant_id = :tenantId AND k.case_id IN (:...caseIds)', { tenantId, caseIds: cases.map((c) => c.caseId) })
      .getMany();
    const byCase = new Map(rows.map((row) => [row.caseId, toStatus(row)]));
    return cases.map((row) => {
      const kase = toAggregate(row);
      return { kase, status: byCase.get(row.caseId) ?? filedComplaint(tenantId, row.caseId.slice(COMPLAINT_CASE_PREFIX.length), row.caseId) };
    });
  }
}

function toRow(status: ComplaintStatus): ComplaintEntity {
  const { tenantId, complaintId, caseId, acknowledgedAt, awaitingCustomer, resolvedAt, feedbackAt, archivedAt } = status;
  return { tenantId, complaintId, caseId, state: complaintState(status), acknowledgedAt, awaitingCustomer, resolvedAt, feedbackAt, archivedAt };
}

function toStatus({ tenantId, complaintId, caseId, acknowledgedAt, awaitingCustomer, resolvedAt, feedbackAt, archivedAt }: ComplaintEntity): ComplaintStatus {
  return { tenantId, complaintId, caseId, acknowledgedAt, awaitingCustomer, resolvedAt, feedbackAt, archivedAt };
}
