import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { IncidentActor } from './domain/incident';
import type { IncidentStep } from './domain/incident-steps';
import type { ScheduledStep } from './domain/response-plans';

interface StepRow {
  step_id: string;
  position: number;
  title: string;
  owner_role: IncidentStep['ownerRole'];
  due_at: Date;
  standard_id: string | null;
  standard_version: string | null;
  after_steps: string[];
  late_at: Date | null;
  completed_at: Date | null;
  completed_by: IncidentActor | null;
  note: string | null;
}

/** An incident's plan steps as live work; every query names the tenant. */
@Injectable()
export class IncidentStepsRepository {
  /** Serialises changes to one incident (a step completed while its deadline fires, a close): the row lock, for the transaction. */
  async lockIncident(manager: EntityManager, tenantId: string, incidentId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM security.incidents WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [tenantId, incidentId]);
    return rows.length > 0;
  }

  /** Keeps the steps once: a redelivered opening adds none. */
  async insert(manager: EntityManager, tenantId: string, incidentId: string, steps: readonly ScheduledStep[]): Promise<void> {
    if (steps.length === 0) return;
    await manager.query(
      `INSERT INTO security.incident_steps (tenant_id, incident_id, step_id, position, title, owner_role, due_at, standard_id, standard_version, after_steps)
       SELECT $1, $2, s.step_id, s.position, s.title, s.owner_role, s.due_at, s.standard_id, s.standard_version, ARRAY(SELECT jsonb_array_elements_text(s.after_steps))
       FROM unnest($3::text[], $4::int[], $5::text[], $6::text[], $7::timestamptz[], $8::text[], $9::text[], $10::jsonb[])
         AS s(step_id, position, title, owner_role, due_at, standard_id, standard_version, after_steps)
       ON CONFLICT DO NOTHING`,
      [
        tenantId,
        incidentId,
        steps.map((s) => s.id),
        steps.map((_, i) => i + 1),
        steps.map((s) => s.title),
        steps.map((s) => s.ownerRole),
        steps.map((s) => s.dueAt.toISOString()),
        steps.map((s) => s.standard?.standardId ?? null),
        steps.map((s) => s.standard?.standardVersion ?? null),
        // A text[] per step: unnest flattens a 2-D array, so each goes as a JSON array.
        steps.map((s) => JSON.stringify(s.after ?? [])),
      ],
    );
  }

  async list(manager: EntityManager, tenantId: string, incidentId: string): Promise<IncidentStep[]> {
    const rows: StepRow[] = await manager.query(
      `SELECT step_id, position, title, owner_role, due_at, standard_id, standard_version, after_steps, late_at, completed_at, completed_by, note
       FROM security.incident_steps WHERE tenant_id = $1 AND incident_id = $2 ORDER BY position`,
      [tenantId, incidentId],
    );
    return rows.map(toStep);
  }

  /** Marks the step done, once: false if it was done already. */
  async complete(manager: EntityManager, tenantId: string, incidentId: string, stepId: string, done: { at: Date; actor: IncidentActor; note: string | null }): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `UPDATE security.incident_steps SET completed_at = $4, completed_by = $5, note = $6
       WHERE tenant_id = $1 AND incident_id = $2 AND step_id = $3 AND completed_at IS NULL RETURNING step_id`,
      [tenantId, incidentId, stepId, done.at, JSON.stringify(done.actor), done.note],
    );
    return firstRows(rows).length > 0;
  }

  /** Marks the step late, once, if still undone: false otherwise (done meanwhile, or escalated already). */
  async markLate(manager: EntityManager, tenantId: string, incidentId: string, stepId: string, at: Date): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `UPDATE security.incident_steps SET late_at = $4
       WHERE tenant_id = $1 AND incident_id = $2 AND step_id = $3 AND completed_at IS NULL AND late_at IS NULL RETURNING step_id`,
      [tenantId, incidentId, stepId, at],
    );
    return firstRows(rows).length > 0;
  }

  /** One more escalation of the incident; its new level. */
  async raiseEscalation(manager: EntityManager, tenantId: string, incidentId: string, at: Date): Promise<number> {
    const rows: unknown[] = await manager.query(
      `UPDATE security.incidents SET escalation_level = escalation_level + 1, updated_at = $3 WHERE tenant_id = $1 AND id = $2 RETURNING escalation_level`,
      [tenantId, incidentId, at],
    );
    const [row] = firstRows(rows) as { escalation_level: number }[];
    return Number(row.escalation_level);
  }
}

/** TypeORM answers an UPDATE … RETURNING with [rows, count]. */
function firstRows(result: unknown[]): unknown[] {
  return Array.isArray(result[0]) ? (result[0] as unknown[]) : result;
}

function toStep(row: StepRow): IncidentStep {
  return {
    id: row.step_id,
    position: row.position,
    title: row.title,
    ownerRole: row.owner_role,
    dueAt: new Date(row.due_at),
    ...(row.after_steps.length > 0 ? { after: row.after_steps } : {}),
    ...(row.standard_id && row.standard_version ? { standard: { standardId: row.standard_id, standardVersion: row.standard_version } } : {}),
    lateAt: row.late_at && new Date(row.late_at),
    completedAt: row.completed_at && new Date(row.completed_at),
    completedBy: row.completed_by,
    note: row.note,
  };
}
