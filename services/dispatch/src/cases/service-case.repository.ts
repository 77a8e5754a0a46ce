import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CaseHistoryEntity } from './case-history.entity';
import { CaseRecordChangeEntity } from './case-record-change.entity';
import { CaseTransitionEntity } from './case-transition.entity';
import type { FieldChange, RecordEditable } from './domain/case-record';
import type { CaseStage } from './domain/case-stage';
import { type CaseActor, type CaseTransition, type PriorityChange, type RecordChange, ServiceCase } from './domain/service-case';
import { ServiceCaseEntity } from './service-case.entity';

/** Filters of GET /v1/cases; each is optional. */
export interface CaseFilters {
  stage?: CaseStage;
  type?: string;
  assignee?: string;
  /** Cases with a standing breach of an SLA clock (true), or with none (false). */
  breached?: boolean;
}

/** A page of a keyset-ordered list: at most `limit` items after the key `after`. */
export interface PageRequest<Key> {
  limit: number;
  after?: Key;
}

/** An event that touched a case (it opened it, or opened it again under another event id). */
export interface CaseEventRecord {
  tenantId: string;
  caseId: string;
  eventId: string;
  eventType: string;
  at: Date;
}

/** One entry of a case's timeline, with the key it is ordered by (at, then events before transitions). */
export type TimelineRow =
  | { kind: 'event'; at: Date; key: string; eventId: string; eventType: string }
  | { kind: 'transition'; at: Date; key: string; transition: Omit<CaseTransition, 'caseId' | 'resolves'> }
  | { kind: 'record'; at: Date; key: string; change: Omit<RecordChange, 'caseId' | 'completes'> }
  | { kind: 'priority'; at: Date; key: string; change: Omit<PriorityChange, 'caseId'> };

export type TimelineKey = [at: string, key: string];
export type CaseListKey = [openedAt: string, caseId: string];

/** Where cases are kept: maps rows to the aggregate and back, and applies transitions only to the version they were decided on. */
@Injectable()
export class ServiceCaseRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts the case unless the tenant has one with its id already (a re-sent opening keeps the first); true if it did. */
  async insertIfAbsent(manager: EntityManager, kase: ServiceCase): Promise<boolean> {
    const { tenantId, caseId, type, priority, stage, summary, category, region, customerId, contactId, escalationLevel, recordComplete, assignee, openedAt, updatedAt, version, archivedAt } =
      kase.snapshot;
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(ServiceCaseEntity)
      .values({ tenantId, caseId, type, priority, stage, summary, category, region, customerId, contactId, escalationLevel, recordComplete, assignee, openedAt, updatedAt, version, archivedAt })
      .orIgnore()
      .returning('case_id')
      .execute();
    return (inserted.raw as unknown[]).length > 0;
  }

  async recordEvent(manager: EntityManager, { tenantId, caseId, eventId, eventType, at }: CaseEventRecord): Promise<void> {
    await manager.insert(CaseHistoryEntity, { tenantId, caseId, eventId, kind: eventType, at, detail: {} });
  }

  async find(manager: EntityManager, tenantId: string, caseId: string): Promise<ServiceCase | undefined> {
    const row = await manager.getRepository(ServiceCaseEntity).findOneBy({ tenantId, caseId });
    return row ? toAggregate(row) : undefined;
  }

  /**
   * Applies a transition the aggregate decided: moves the case only if it is still at the version
   * the decision was made on, and records the move. False when another transition got there first
   * (nothing is written then); the caller's transaction keeps the two together.
   */
  async applyTransition(manager: EntityManager, tenantId: string, transition: CaseTransition): Promise<boolean> {
    const { caseId, from, to, actor, reason, at, version } = transition;
    const moved = await manager
      .createQueryBuilder()
      .update(ServiceCaseEntity)
      .set({ stage: to, updatedAt: at, version })
      .where('tenant_id = :tenantId AND case_id = :caseId AND version = :decidedOn', { tenantId, caseId, decidedOn: version - 1 })
      .execute();
    if (moved.affected !== 1) return false;
    await manager.insert(CaseTransitionEntity, {
      tenantId,
      caseId,
      version,
      fromStage: from,
      toStage: to,
      actorId: actor.id,
      actorKind: actor.kind,
      actorRoles: actor.roles,
      reason,
      at,
    });
    return true;
  }

  /** Applies a record change the aggregate decided, only to the version it was decided on (as applyTransition), and records it. */
  async applyRecordChange(manager: EntityManager, tenantId: string, change: RecordChange): Promise<boolean> {
    const { caseId, changes, actor, at, version, recordComplete } = change;
    const values = Object.fromEntries(Object.entries(changes).map(([field, { to }]) => [field, to]));
    const changed = await manager
      .createQueryBuilder()
      .update(ServiceCaseEntity)
      .set({ ...values, recordComplete, updatedAt: at, version })
      .where('tenant_id = :tenantId AND case_id = :caseId AND version = :decidedOn', { tenantId, caseId, decidedOn: version - 1 })
      .execute();
    if (changed.affected !== 1) return false;
    await manager.insert(CaseRecordChangeEntity, { tenantId, caseId, version, changes, recordComplete, actorId: actor.id, actorKind: actor.kind, actorRoles: actor.roles, at });
    return true;
  }

  /** Applies a priority change the aggregate decided, only to the version it was decided on (as applyTransition), and records it. */
  async applyPriorityChange(manager: EntityManager, tenantId: string, change: PriorityChange): Promise<boolean> {
    const { caseId, from, to, actor, reason, at, version } = change;
    const changed = await manager
      .createQueryBuilder()
      .update(ServiceCaseEntity)
      .set({ priority: to, updatedAt: at, version })
      .where('tenant_id = :tenantId AND case_id = :caseId AND version = :decidedOn', { tenantId, caseId, decidedOn: version - 1 })
      .execute();
    if (changed.affected !== 1) return false;
    await manager.query(
      `INSERT INTO dispatch.case_priority_changes (tenant_id, case_id, version, from_priority, to_priority, reason, actor_id, actor_kind, actor_roles, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [tenantId, caseId, version, from, to, reason, actor.id, actor.kind, actor.roles, at],
    );
    return true;
  }

  /** Archives the case if it is still at the version the decision was made on (as applyTransition); false when it was not. */
  async applyArchive(manager: EntityManager, tenantId: string, caseId: string, archivedAt: Date, version: number): Promise<boolean> {
    const archived = await manager
      .createQueryBuilder()
      .update(ServiceCaseEntity)
      .set({ archivedAt, updatedAt: archivedAt, version })
      .where('tenant_id = :tenantId AND case_id = :caseId AND version = :decidedOn', { tenantId, caseId, decidedOn: version - 1 })
      .execute();
    return archived.affected === 1;
  }

  /** Routing's choice of who owns the case (null: nobody, it waits); the stage and version are routing's to leave alone. */
  async setAssignee(manager: EntityManager, tenantId: string, caseId: string, assignee: string | null, at: Date): Promise<void> {
    await manager.update(ServiceCaseEntity, { tenantId, caseId }, { assignee, updatedAt: at });
  }

  /** How many open (not closed or cancelled) cases each of these agents is assigned; absent agents have none. */
  async openLoads(manager: EntityManager, tenantId: string, agentIds: readonly string[]): Promise<Map<string, number>> {
    if (agentIds.length === 0) return new Map();
    const rows: { assignee_id: string; n: number }[] = await manager.query(
      `SELECT assignee_id, count(*)::int AS n FROM dispatch.cases
       WHERE tenant_id = $1 AND assignee_id = ANY($2::text[]) AND stage NOT IN ('closed', 'cancelled') GROUP BY assignee_id`,
      [tenantId, agentIds],
    );
    return new Map(rows.map((row) => [row.assignee_id, Number(row.n)]));
  }

  /** A tenant's cases, oldest opened first (ties by case id), after the key of the previous page. */
  async list(tenantId: string, filters: CaseFilters, page: PageRequest<CaseListKey>): Promise<ServiceCase[]> {
    const query = this.dataSource.getRepository(ServiceCaseEntity).createQueryBuilder('c').where('c.tenant_id = :tenantId', { tenantId });
    if (filters.stage) query.andWhere('c.stage = :stage', { stage: filters.stage });
    if (filters.type) query.andWhere('c.type = :type', { type: filters.type });
    if (filters.assignee) query.andWhere('c.assignee_id = :assignee', { assignee: filters.assignee });
    if (filters.breached !== undefined) {
      // The case clocks' own table (case-clocks/): a breach stands there until withdrawn.
      const breached = 'EXISTS (SELECT 1 FROM dispatch.case_clocks k WHERE k.tenant_id = c.tenant_id AND k.case_id = c.case_id AND k.breached)';
      query.andWhere(filters.breached ? breached : `NOT ${breached}`);
    }
    if (page.after) query.andWhere('(c.opened_at, c.case_id) > (:afterAt, :afterId)', { afterAt: new Date(page.after[0]), afterId: page.after[1] });
    const rows = await query.orderBy('c.opened_at', 'ASC').addOrderBy('c.case_id', 'ASC').limit(page.limit).getMany();
    return rows.map(toAggregate);
  }

  /**
   * A case's timeline, oldest first: the events that opened it, every transition and every record
   * change (SLA clock entries are merged in by the use case). Ordered by time, then events first,
   * then transitions and record changes by the version each made.
   */
  async timeline(tenantId: string, caseId: string, page: PageRequest<TimelineKey>): Promise<TimelineRow[]> {
    const rows: RawTimelineRow[] = await this.dataSource.query(
      `SELECT * FROM (
         SELECT at, 'e' || lpad(id::text, 20, '0') AS key, 'event' AS kind, event_id, kind AS event_type,
                NULL::int AS version, NULL AS from_stage, NULL AS to_stage, NULL AS actor_id, NULL AS actor_kind, NULL::text[] AS actor_roles, NULL AS reason,
                NULL::jsonb AS changes, NULL::boolean AS record_complete
           FROM dispatch.case_history WHERE tenant_id = $1 AND case_id = $2
         UNION ALL
         SELECT at, 't' || lpad(version::text, 10, '0'), 'transition', NULL, NULL,
                version, from_stage, to_stage, actor_id, actor_kind, actor_roles, reason, NULL, NULL
           FROM dispatch.case_transitions WHERE tenant_id = $1 AND case_id = $2
         UNION ALL
         SELECT at, 't' || lpad(version::text, 10, '0'), 'record', NULL, NULL,
                version, NULL, NULL, actor_id, actor_kind, actor_roles, NULL, changes, record_complete
           FROM dispatch.case_record_changes WHERE tenant_id = $1 AND case_id = $2
         UNION ALL
         SELECT at, 't' || lpad(version::text, 10, '0'), 'priority', NULL, NULL,
                version, from_priority, to_priority, actor_id, actor_kind, actor_roles, reason, NULL, NULL
           FROM dispatch.case_priority_changes WHERE tenant_id = $1 AND case_id = $2
       ) AS timeline
       WHERE $3::timestamptz IS NULL OR (at, key) > ($3::timestamptz, $4::text)
       ORDER BY at, key
       LIMIT $5`,
      [tenantId, caseId, page.after ? new Date(page.after[0]) : null, page.after?.[1] ?? null, page.limit],
    );
    return rows.map(toTimelineRow);
  }
}

interface RawTimelineRow {
  at: Date;
  key: string;
  kind: 'event' | 'transition' | 'record' | 'priority';
  event_id: string | null;
  event_type: string | null;
  version: number | null;
  /** A transition's stages, or a priority change's priorities. */
  from_stage: string | null;
  to_stage: string | null;
  actor_id: string | null;
  actor_kind: 'user' | 'api_key' | 'service' | null;
  actor_roles: string[] | null;
  reason: string | null;
  changes: Partial<Record<RecordEditable, FieldChange>> | null;
  record_complete: boolean | null;
}

function toTimelineRow(row: RawTimelineRow): TimelineRow {
  if (row.kind === 'event') return { kind: 'event', at: row.at, key: row.key, eventId: row.event_id ?? '', eventType: row.event_type ?? '' };
  const actor: CaseActor = { id: row.actor_id ?? '', kind: row.actor_kind ?? 'user', roles: row.actor_roles ?? [] };
  if (row.kind === 'priority') {
    const change = { from: row.from_stage ?? '', to: row.to_stage ?? '', actor, reason: row.reason ?? '', at: row.at, version: row.version ?? 0 };
    return { kind: 'priority', at: row.at, key: row.key, change };
  }
  if (row.kind === 'record') {
    return { kind: 'record', at: row.at, key: row.key, change: { changes: row.changes ?? {}, actor, at: row.at, version: row.version ?? 0, recordComplete: row.record_complete ?? false } };
  }
  return {
    kind: 'transition',
    at: row.at,
    key: row.key,
    transition: {
      from: row.from_stage as CaseStage,
      to: row.to_stage as CaseStage,
      actor,
      reason: row.reason ?? '',
      at: row.at,
      version: row.version ?? 0,
    },
  };
}

/** A row as the aggregate (complaints list their cases with it). */
export function toAggregate(row: ServiceCaseEntity): ServiceCase {
  const { tenantId, caseId, type, priority, stage, summary, category, region, customerId, contactId, escalationLevel, recordComplete, assignee, openedAt, updatedAt, version, archivedAt } = row;
  return ServiceCase.restore({ tenantId, caseId, type, priority, stage, summary, category, region, customerId, contactId, escalationLevel, recordComplete, assignee, openedAt, updatedAt, version, archivedAt });
}
