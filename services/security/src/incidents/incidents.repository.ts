import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessDenialEntity } from './access-denial.entity';
import type { IncidentState, IncidentType, Severity } from './domain/incident-state';
import type { TimelineEntry } from './domain/incident-timeline';
import { Incident, type IncidentSnapshot, type IncidentTransition } from './domain/incident';
import { IncidentTimelineEntity } from './incident-timeline.entity';
import { IncidentEntity } from './incident.entity';

/** Filters of GET /v1/incidents; each is optional. */
export interface IncidentFilters {
  state?: IncidentState;
  severity?: Severity;
  type?: IncidentType;
}

/** Keyset of the list: newest opened first, then by id. */
export type IncidentListKey = [openedAt: string, id: string];

/** Where incidents, their timelines and the denials counted for brute force are kept; every query names the tenant. */
@Injectable()
export class IncidentsRepository {
  /** Serialises detections of one dedup key (transaction-scoped), so two deliveries cannot both open an incident. */
  async lockDedupKey(manager: EntityManager, tenantId: string, dedupKey: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`security.incidents|${tenantId}|${dedupKey}`]);
  }

  async latestByDedupKey(manager: EntityManager, tenantId: string, dedupKey: string): Promise<Incident | undefined> {
    const row = await manager.getRepository(IncidentEntity).findOne({ where: { tenantId, dedupKey }, order: { lastDetectedAt: 'DESC' } });
    return row ? toIncident(row) : undefined;
  }

  async insert(manager: EntityManager, incident: IncidentSnapshot): Promise<void> {
    const { plan, ...fields } = incident;
    await manager.insert(IncidentEntity, { ...fields, planId: plan.id, planVersion: plan.version, updatedAt: incident.openedAt });
  }

  /** Counts one more detection of the incident; its window runs from the latest one. */
  async absorb(manager: EntityManager, tenantId: string, id: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE security.incidents SET detections = detections + 1, last_detected_at = greatest(last_detected_at, $3), updated_at = now()
       WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, at],
    );
  }

  async appendTimeline(manager: EntityManager, tenantId: string, incidentId: string, { at, kind, detail }: TimelineEntry): Promise<void> {
    await manager.query(`INSERT INTO security.incident_timeline (tenant_id, incident_id, at, kind, detail) VALUES ($1, $2, $3, $4, $5)`, [
      tenantId,
      incidentId,
      at,
      kind,
      JSON.stringify(detail),
    ]);
  }

  async find(manager: EntityManager, tenantId: string, id: string): Promise<Incident | undefined> {
    const row = await manager.getRepository(IncidentEntity).findOneBy({ tenantId, id });
    return row ? toIncident(row) : undefined;
  }

  /** Moves the incident only if it is still where the decision was made; false when another move got there first. */
  async applyTransition(manager: EntityManager, tenantId: string, { incidentId, from, to, review, at }: IncidentTransition): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(IncidentEntity)
      .set({ state: to, updatedAt: at, ...(review === null ? {} : { review }) })
      .where('tenant_id = :tenantId AND id = :incidentId AND state = :from', { tenantId, incidentId, from })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async list(manager: EntityManager, tenantId: string, filters: IncidentFilters, page: { limit: number; after?: IncidentListKey }): Promise<Incident[]> {
    const query = manager.getRepository(IncidentEntity).createQueryBuilder('i').where('i.tenant_id = :tenantId', { tenantId });
    if (filters.state) query.andWhere('i.state = :state', { state: filters.state });
    if (filters.severity) query.andWhere('i.severity = :severity', { severity: filters.severity });
    if (filters.type) query.andWhere('i.type = :type', { type: filters.type });
    if (page.after) query.andWhere('(i.opened_at, i.id) < (:openedAt, :id)', { openedAt: page.after[0], id: page.after[1] });
    const rows = await query.orderBy('i.opened_at', 'DESC').addOrderBy('i.id', 'DESC').limit(page.limit).getMany();
    return rows.map(toIncident);
  }

  async timeline(manager: EntityManager, tenantId: string, incidentId: string): Promise<TimelineEntry[]> {
    const rows = await manager.getRepository(IncidentTimelineEntity).find({ where: { tenantId, incidentId }, order: { seq: 'ASC' } });
    return rows.map(({ at, kind, detail }) => ({ at, kind: kind as TimelineEntry['kind'], detail }));
  }

  /** Keeps an `access.denied` once (by its source and id); false when it was seen already. */
  async recordDenial(manager: EntityManager, denial: AccessDenialEntity): Promise<boolean> {
    const inserted = await manager.createQueryBuilder().insert().into(AccessDenialEntity).values(denial).orIgnore().returning('event_id').execute();
    return (inserted.raw as unknown[]).length > 0;
  }

  /** A source's refused attempts in [from, to]. */
  async attemptsBetween(manager: EntityManager, tenantId: string, denialSource: string, from: Date, to: Date): Promise<number> {
    const [row] = await manager.query(
      `SELECT coalesce(sum(attempts), 0)::int AS attempts FROM security.access_denials
       WHERE tenant_id = $1 AND denial_source = $2 AND at >= $3 AND at <= $4`,
      [tenantId, denialSource, from, to],
    );
    return Number(row.attempts);
  }
}

function toIncident(row: IncidentEntity): Incident {
  return new Incident({
    tenantId: row.tenantId,
    id: row.id,
    type: row.type as IncidentType,
    severity: row.severity as Severity,
    state: row.state as IncidentState,
    summary: row.summary,
    dedupKey: row.dedupKey,
    openedAt: row.openedAt,
    lastDetectedAt: row.lastDetectedAt,
    detections: row.detections,
    review: row.review,
    escalationLevel: row.escalationLevel,
    plan: { id: row.planId, version: row.planVersion },
  });
}
