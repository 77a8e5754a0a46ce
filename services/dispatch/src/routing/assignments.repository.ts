import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AssignmentState, CaseAssignment } from './domain/case-assignment';
import type { Requirement } from './domain/routing-rules';

/** A `dispatch.case_assignments` row as PostgreSQL returns it. */
interface AssignmentRow {
  tenant_id: string;
  case_id: string;
  requirement: Requirement;
  state: AssignmentState;
  agent_id: string | null;
  offered_at: Date | null;
  accepted_at: Date | null;
  lapsed_by: string[];
}

export interface StoredAssignment extends CaseAssignment {
  acceptedAt: Date | null;
}

const COLUMNS = 'a.tenant_id, a.case_id, a.requirement, a.state, a.agent_id, a.offered_at, a.accepted_at, a.lapsed_by';

function toAssignment(row: AssignmentRow): StoredAssignment {
  const date = (value: Date | null) => (value === null ? null : new Date(value));
  return {
    tenantId: row.tenant_id,
    caseId: row.case_id,
    requirement: row.requirement,
    state: row.state,
    agentId: row.agent_id,
    offeredAt: date(row.offered_at),
    acceptedAt: date(row.accepted_at),
    lapsedBy: row.lapsed_by,
  };
}

/** A new case's assignment, before anyone is chosen. */
export interface NewAssignment {
  tenantId: string;
  caseId: string;
  requirement: Requirement;
  priority: string;
  openedAt: Date;
}

/** Each case's assignment, read and written in the caller's transaction. */
@Injectable()
export class AssignmentsRepository {
  /** Adds a waiting assignment; false when the case has one already (its opening was re-sent). */
  async insertIfAbsent(manager: EntityManager, { tenantId, caseId, requirement, priority, openedAt }: NewAssignment): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO dispatch.case_assignments (tenant_id, case_id, requirement, state, priority, opened_at) VALUES ($1, $2, $3::jsonb, 'waiting', $4, $5)
       ON CONFLICT (tenant_id, case_id) DO NOTHING RETURNING 1`,
      [tenantId, caseId, JSON.stringify(requirement), priority, openedAt],
    );
    return inserted.length === 1;
  }

  /** The case's assignment, locked; `nowait` for a firing timer, which is better retried than left waiting on a request. */
  async lock(manager: EntityManager, tenantId: string, caseId: string, nowait = false): Promise<StoredAssignment | undefined> {
    const [row] = await manager.query(
      `SELECT ${COLUMNS} FROM dispatch.case_assignments a WHERE a.tenant_id = $1 AND a.case_id = $2 FOR UPDATE${nowait ? ' NOWAIT' : ''}`,
      [tenantId, caseId],
    );
    return row ? toAssignment(row as AssignmentRow) : undefined;
  }

  async find(manager: EntityManager, tenantId: string, caseId: string): Promise<StoredAssignment | undefined> {
    const [row] = await manager.query(`SELECT ${COLUMNS} FROM dispatch.case_assignments a WHERE a.tenant_id = $1 AND a.case_id = $2`, [tenantId, caseId]);
    return row ? toAssignment(row as AssignmentRow) : undefined;
  }

  /**
   * Waiting assignments of the tenant's open cases, most urgent then oldest first, locked; those
   * another transaction is assigning are skipped, not waited for.
   */
  async lockWaiting(manager: EntityManager, tenantId: string, limit: number): Promise<StoredAssignment[]> {
    const rows: AssignmentRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM dispatch.case_assignments a
       JOIN dispatch.cases c ON c.tenant_id = a.tenant_id AND c.case_id = a.case_id
       WHERE a.tenant_id = $1 AND a.state = 'waiting' AND c.stage NOT IN ('closed', 'cancelled')
       ORDER BY a.priority, a.opened_at, a.case_id LIMIT $2 FOR UPDATE OF a SKIP LOCKED`,
      [tenantId, limit],
    );
    return rows.map(toAssignment);
  }

  async save(manager: EntityManager, assignment: StoredAssignment): Promise<void> {
    await manager.query(
      `UPDATE dispatch.case_assignments SET state = $3, agent_id = $4, offered_at = $5, accepted_at = $6, lapsed_by = $7, updated_at = now()
       WHERE tenant_id = $1 AND case_id = $2`,
      [assignment.tenantId, assignment.caseId, assignment.state, assignment.agentId, assignment.offeredAt, assignment.acceptedAt, assignment.lapsedBy],
    );
  }
}
