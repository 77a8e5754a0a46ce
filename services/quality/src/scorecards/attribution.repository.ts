import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Who held each case (`case.assigned`, each assignment kept) and which team each agent is in
 * (`agent.status_changed` naming one, the latest by event time), for attributing ledger entries.
 */
@Injectable()
export class AttributionRepository {
  async recordAssignments(manager: EntityManager, rows: readonly { tenantId: string; caseId: string; eventId: string; agentId: string; assignedAt: Date }[]): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO quality.case_assignments (tenant_id, case_id, event_id, agent_id, assigned_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[]) ON CONFLICT DO NOTHING`,
      [rows.map((r) => r.tenantId), rows.map((r) => r.caseId), rows.map((r) => r.eventId), rows.map((r) => r.agentId), rows.map((r) => r.assignedAt.toISOString())],
    );
  }

  async recordTeams(manager: EntityManager, rows: readonly { tenantId: string; agentId: string; team: string; at: Date }[]): Promise<void> {
    // One row per agent per statement (ON CONFLICT may not touch a row twice): the latest of the batch.
    const latest = new Map<string, (typeof rows)[number]>();
    for (const row of rows) {
      const key = JSON.stringify([row.tenantId, row.agentId]);
      const held = latest.get(key);
      if (!held || held.at < row.at) latest.set(key, row);
    }
    const unique = [...latest.values()];
    if (unique.length === 0) return;
    await manager.query(
      `INSERT INTO quality.agent_teams (tenant_id, agent_id, team, changed_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[])
       ON CONFLICT (tenant_id, agent_id) DO UPDATE SET team = excluded.team, changed_at = excluded.changed_at
       WHERE agent_teams.changed_at < excluded.changed_at`,
      [unique.map((r) => r.tenantId), unique.map((r) => r.agentId), unique.map((r) => r.team), unique.map((r) => r.at.toISOString())],
    );
  }

  /** The agent a case was last assigned to at or before `at`, or null. */
  async caseAgent(manager: EntityManager, tenantId: string, caseId: string, at: Date): Promise<string | null> {
    const rows: { agent_id: string }[] = await manager.query(
      `SELECT agent_id FROM quality.case_assignments WHERE tenant_id = $1 AND case_id = $2 AND assigned_at <= $3
       ORDER BY assigned_at DESC, event_id DESC LIMIT 1`,
      [tenantId, caseId, at.toISOString()],
    );
    return rows[0]?.agent_id ?? null;
  }

  async teamOf(manager: EntityManager, tenantId: string, agentId: string): Promise<string | null> {
    const rows: { team: string }[] = await manager.query(`SELECT team FROM quality.agent_teams WHERE tenant_id = $1 AND agent_id = $2`, [tenantId, agentId]);
    return rows[0]?.team ?? null;
  }
}
