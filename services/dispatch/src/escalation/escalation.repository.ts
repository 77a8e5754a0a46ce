import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseStage } from '../cases/domain/case-stage';
import type { CaseForEscalation, Escalation, EscalationState } from './domain/escalation';
import type { EscalationEntry } from './domain/escalation-entry';
import { type ChainPolicyId, defaultChain, type EscalationChain, type EscalationStep } from './domain/escalation-chain';

interface EscalationRow {
  tenant_id: string;
  case_id: string;
  policy_id: ChainPolicyId;
  steps: EscalationStep[];
  level: number;
  state: EscalationState;
  note: string | null;
  standard_id: string;
  standard_version: string;
  breach_key: string | null;
  next_at: Date | null;
  updated_at: Date;
}

/**
 * Where escalations, the breaches seen and tenants' chains are kept. A case's escalation level is
 * the case's own column: every decision locks the case row first, so a breach, a timeout and a
 * person acting on one case take turns.
 */
@Injectable()
export class EscalationRepository {
  /** The case's stage and level, its row locked for the caller's transaction; undefined for an unknown case. */
  async lockCase(manager: EntityManager, tenantId: string, caseId: string): Promise<CaseForEscalation | undefined> {
    const [row]: { stage: CaseStage; escalation_level: number }[] = await manager.query(
      `SELECT stage, escalation_level FROM dispatch.cases WHERE tenant_id = $1 AND case_id = $2 FOR UPDATE`,
      [tenantId, caseId],
    );
    return row ? { stage: row.stage, escalationLevel: row.escalation_level } : undefined;
  }

  /** Raises the case's level (never lowers it: the level is what was paged). The stage's version is not the escalation's business. */
  async raiseCaseLevel(manager: EntityManager, tenantId: string, caseId: string, level: number, at: Date): Promise<void> {
    await manager.query(`UPDATE dispatch.cases SET escalation_level = GREATEST(escalation_level, $3), updated_at = $4 WHERE tenant_id = $1 AND case_id = $2`, [tenantId, caseId, level, at]);
  }

  /** Remembers a breach; false when it was seen already (the same deadline re-sent under another event id). */
  async firstSight(manager: EntityManager, tenantId: string, caseId: string, breachKey: string, eventId: string): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO dispatch.escalation_breaches (tenant_id, case_id, breach_key, event_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1`,
      [tenantId, caseId, breachKey, eventId],
    );
    return inserted.length === 1;
  }

  async find(manager: EntityManager, tenantId: string, caseId: string): Promise<Escalation | undefined> {
    const [row]: EscalationRow[] = await manager.query(`SELECT * FROM dispatch.escalations WHERE tenant_id = $1 AND case_id = $2`, [tenantId, caseId]);
    return row ? toEscalation(row) : undefined;
  }

  async save(manager: EntityManager, e: Escalation): Promise<void> {
    await manager.query(
      `INSERT INTO dispatch.escalations (tenant_id, case_id, policy_id, steps, level, state, note, standard_id, standard_version, breach_key, next_at, updated_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (tenant_id, case_id) DO UPDATE SET policy_id = excluded.policy_id, steps = excluded.steps, level = excluded.level,
         state = excluded.state, note = excluded.note, standard_id = excluded.standard_id, standard_version = excluded.standard_version,
         breach_key = excluded.breach_key, next_at = excluded.next_at, updated_at = excluded.updated_at`,
      [e.tenantId, e.caseId, e.policyId, JSON.stringify(e.steps), e.level, e.state, e.note, e.standard.standardId, e.standard.standardVersion, e.breachKey, e.nextAt, e.updatedAt],
    );
  }

  /** Keeps a step for the case timeline; the same step again (a redelivered decision) is kept once. */
  async addEntry(manager: EntityManager, { tenantId, caseId, at, event, level, reason, late, actorId }: EscalationEntry): Promise<void> {
    await manager.query(
      `INSERT INTO dispatch.escalation_entries (tenant_id, case_id, at, event, level, reason, late, actor_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
      [tenantId, caseId, at, event, level, reason, late, actorId],
    );
  }

  /** A case's escalation steps, oldest first. */
  async entries(manager: EntityManager, tenantId: string, caseId: string): Promise<EscalationEntry[]> {
    const rows: { at: Date; event: EscalationEntry['event']; level: number; reason: string; late: boolean; actor_id: string | null }[] = await manager.query(
      `SELECT at, event, level, reason, late, actor_id FROM dispatch.escalation_entries WHERE tenant_id = $1 AND case_id = $2 ORDER BY at, level`,
      [tenantId, caseId],
    );
    return rows.map((row) => ({ tenantId, caseId, at: new Date(row.at), event: row.event, level: row.level, reason: row.reason, late: row.late, actorId: row.actor_id }));
  }

  /** The tenant's chain for a policy, or the built-in one. */
  async chain(manager: EntityManager, tenantId: string, policyId: ChainPolicyId): Promise<EscalationChain> {
    const [row]: { steps: EscalationStep[]; revision: number }[] = await manager.query(
      `SELECT steps, revision FROM dispatch.escalation_chains WHERE tenant_id = $1 AND policy_id = $2`,
      [tenantId, policyId],
    );
    return row ? { policyId, steps: row.steps, version: `tenant:${row.revision}` } : defaultChain(policyId);
  }

  /** Sets the tenant's chain for a policy; each change is a new revision, recorded with escalations it drives. */
  async putChain(manager: EntityManager, tenantId: string, policyId: ChainPolicyId, steps: readonly EscalationStep[], by: string, at: Date): Promise<EscalationChain> {
    const [row]: { revision: number }[] = await manager.query(
      `INSERT INTO dispatch.escalation_chains (tenant_id, policy_id, steps, revision, updated_by, updated_at) VALUES ($1, $2, $3::jsonb, 1, $4, $5)
       ON CONFLICT (tenant_id, policy_id) DO UPDATE SET steps = excluded.steps, revision = escalation_chains.revision + 1,
         updated_by = excluded.updated_by, updated_at = excluded.updated_at
       RETURNING revision`,
      [tenantId, policyId, JSON.stringify(steps), by, at],
    );
    return { policyId, steps, version: `tenant:${row.revision}` };
  }
}

function toEscalation(row: EscalationRow): Escalation {
  return {
    tenantId: row.tenant_id,
    caseId: row.case_id,
    policyId: row.policy_id,
    steps: row.steps,
    level: row.level,
    state: row.state,
    note: row.note,
    standard: { standardId: row.standard_id, standardVersion: row.standard_version },
    breachKey: row.breach_key,
    nextAt: row.next_at,
    updatedAt: row.updated_at,
  };
}
