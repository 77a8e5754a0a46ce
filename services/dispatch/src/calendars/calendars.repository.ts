import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SlaPriority } from '../sla/domain';
import type { PolicySetting } from './domain/policy-setting';
import type { CalendarDefinition, TenantCalendar } from './domain/tenant-calendar';

interface RawCalendar {
  tenant_id: string;
  calendar_id: string;
  definition: CalendarDefinition;
  updated_at: Date;
}

interface RawSetting {
  tenant_id: string;
  policy_id: string;
  calendar_id: string | null;
  priority_budgets: Partial<Record<SlaPriority, number>>;
  warn_points: number[] | null;
  updated_at: Date;
}

const toCalendar = (row: RawCalendar): TenantCalendar => ({ tenantId: row.tenant_id, calendarId: row.calendar_id, definition: row.definition, updatedAt: new Date(row.updated_at) });
const toSetting = (row: RawSetting): PolicySetting => ({
  tenantId: row.tenant_id,
  policyId: row.policy_id,
  calendarId: row.calendar_id,
  priorityBudgets: row.priority_budgets,
  warnPoints: row.warn_points ?? null,
  updatedAt: new Date(row.updated_at),
});

/** A tenant's business calendars and SLA policy settings; every query names the tenant. */
@Injectable()
export class CalendarsRepository {
  /** One calendar, locked until the transaction ends when `lock` (so two PUTs audit in turn). */
  async findCalendar(manager: EntityManager, tenantId: string, calendarId: string, lock = false): Promise<TenantCalendar | undefined> {
    const [row] = await manager.query(
      `SELECT tenant_id, calendar_id, definition, updated_at FROM dispatch.business_calendars WHERE tenant_id = $1 AND calendar_id = $2${lock ? ' FOR UPDATE' : ''}`,
      [tenantId, calendarId],
    );
    return row ? toCalendar(row as RawCalendar) : undefined;
  }

  /** A page of calendars by id, after `afterId`. */
  async calendars(manager: EntityManager, tenantId: string, limit: number, afterId?: string): Promise<TenantCalendar[]> {
    const rows: RawCalendar[] = await manager.query(
      `SELECT tenant_id, calendar_id, definition, updated_at FROM dispatch.business_calendars
       WHERE tenant_id = $1 AND ($2::text IS NULL OR calendar_id > $2) ORDER BY calendar_id LIMIT $3`,
      [tenantId, afterId ?? null, limit],
    );
    return rows.map(toCalendar);
  }

  async saveCalendar(manager: EntityManager, { tenantId, calendarId, definition, updatedAt }: TenantCalendar): Promise<void> {
    await manager.query(
      `INSERT INTO dispatch.business_calendars (tenant_id, calendar_id, definition, updated_at) VALUES ($1, $2, $3::jsonb, $4)
       ON CONFLICT (tenant_id, calendar_id) DO UPDATE SET definition = EXCLUDED.definition, updated_at = EXCLUDED.updated_at`,
      [tenantId, calendarId, JSON.stringify(definition), updatedAt],
    );
  }

  async findSetting(manager: EntityManager, tenantId: string, policyId: string, lock = false): Promise<PolicySetting | undefined> {
    const [row] = await manager.query(
      `SELECT tenant_id, policy_id, calendar_id, priority_budgets, warn_points, updated_at FROM dispatch.sla_policy_settings WHERE tenant_id = $1 AND policy_id = $2${lock ? ' FOR UPDATE' : ''}`,
      [tenantId, policyId],
    );
    return row ? toSetting(row as RawSetting) : undefined;
  }

  /** A page of settings by policy id, after `afterId`. */
  async settings(manager: EntityManager, tenantId: string, limit: number, afterId?: string): Promise<PolicySetting[]> {
    const rows: RawSetting[] = await manager.query(
      `SELECT tenant_id, policy_id, calendar_id, priority_budgets, warn_points, updated_at FROM dispatch.sla_policy_settings
       WHERE tenant_id = $1 AND ($2::text IS NULL OR policy_id > $2) ORDER BY policy_id LIMIT $3`,
      [tenantId, afterId ?? null, limit],
    );
    return rows.map(toSetting);
  }

  async saveSetting(manager: EntityManager, { tenantId, policyId, calendarId, priorityBudgets, warnPoints, updatedAt }: PolicySetting): Promise<void> {
    await manager.query(
      `INSERT INTO dispatch.sla_policy_settings (tenant_id, policy_id, calendar_id, priority_budgets, warn_points, updated_at) VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6)
       ON CONFLICT (tenant_id, policy_id) DO UPDATE SET calendar_id = EXCLUDED.calendar_id, priority_budgets = EXCLUDED.priority_budgets,
         warn_points = EXCLUDED.warn_points, updated_at = EXCLUDED.updated_at`,
      [tenantId, policyId, calendarId, JSON.stringify(priorityBudgets), warnPoints === null ? null : JSON.stringify(warnPoints), updatedAt],
    );
  }

  /** The settings of these policies with their calendars, read in the caller's transaction (a case's clocks being created). */
  async settingsWithCalendars(
    manager: EntityManager,
    tenantId: string,
    policyIds: readonly string[],
  ): Promise<{ setting: PolicySetting; calendar?: TenantCalendar }[]> {
    if (policyIds.length === 0) return [];
    const rows: (RawSetting & { definition: CalendarDefinition | null; calendar_updated_at: Date | null })[] = await manager.query(
      `SELECT s.tenant_id, s.policy_id, s.calendar_id, s.priority_budgets, s.warn_points, s.updated_at, c.definition, c.updated_at AS calendar_updated_at
       FROM dispatch.sla_policy_settings s
       LEFT JOIN dispatch.business_calendars c ON c.tenant_id = s.tenant_id AND c.calendar_id = s.calendar_id
       WHERE s.tenant_id = $1 AND s.policy_id = ANY($2::text[])`,
      [tenantId, policyIds],
    );
    return rows.map((row) => ({
      setting: toSetting(row),
      ...(row.calendar_id && row.definition && {
        calendar: { tenantId, calendarId: row.calendar_id, definition: row.definition, updatedAt: new Date(row.calendar_updated_at ?? row.updated_at) },
      }),
    }));
  }
}
