import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Dispute, DisputeState } from './domain/dispute';

interface DisputeRow {
  id: string;
  tenant_id: string;
  entry_id: string;
  agent_id: string;
  reason: string;
  state: DisputeState;
  opened_at: Date;
  ruled_by: string | null;
  ruled_at: Date | null;
  ruling_note: string | null;
  compensation_entry_id: string | null;
}

const disputeOf = (r: DisputeRow): Dispute => ({
  id: r.id,
  tenantId: r.tenant_id,
  entryId: r.entry_id,
  agentId: r.agent_id,
  reason: r.reason,
  state: r.state,
  openedAt: new Date(r.opened_at),
  ruledBy: r.ruled_by,
  ruledAt: r.ruled_at === null ? null : new Date(r.ruled_at),
  rulingNote: r.ruling_note,
  compensationEntryId: r.compensation_entry_id,
});

/** `quality.ledger_disputes`: one dispute per entry, ruled once. */
@Injectable()
export class DisputesRepository {
  async existsFor(manager: EntityManager, tenantId: string, entryId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM quality.ledger_disputes WHERE tenant_id = $1 AND entry_id = $2`, [tenantId, entryId]);
    return rows.length > 0;
  }

  /** Inserts; false when the entry was disputed meanwhile. */
  async insert(manager: EntityManager, d: Dispute): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO quality.ledger_disputes (id, tenant_id, entry_id, agent_id, reason, state, opened_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (entry_id) DO NOTHING RETURNING id`,
      [d.id, d.tenantId, d.entryId, d.agentId, d.reason, d.state, d.openedAt.toISOString()],
    );
    return rows.length === 1;
  }

  /** The dispute, locked until the transaction ends. */
  async lock(manager: EntityManager, tenantId: string, id: string): Promise<Dispute | undefined> {
    const rows: DisputeRow[] = await manager.query(`SELECT * FROM quality.ledger_disputes WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [tenantId, id]);
    return rows[0] && disputeOf(rows[0]);
  }

  async saveRuling(manager: EntityManager, d: Dispute): Promise<void> {
    await manager.query(
      `UPDATE quality.ledger_disputes SET state = $3, ruled_by = $4, ruled_at = $5, ruling_note = $6, compensation_entry_id = $7 WHERE tenant_id = $1 AND id = $2`,
      [d.tenantId, d.id, d.state, d.ruledBy, d.ruledAt?.toISOString() ?? null, d.rulingNote, d.compensationEntryId],
    );
  }

  /** A tenant's disputes, oldest first, after the cursor's `[openedAt, id]`. */
  async list(manager: EntityManager, tenantId: string, query: { state?: DisputeState; limit: number; cursor?: readonly [string, string] }): Promise<Dispute[]> {
    const rows: DisputeRow[] = await manager.query(
      `SELECT * FROM quality.ledger_disputes
       WHERE tenant_id = $1 AND ($2::text IS NULL OR state = $2) AND ($3::timestamptz IS NULL OR (opened_at, id) > ($3::timestamptz, $4::uuid))
       ORDER BY opened_at, id LIMIT $5`,
      [tenantId, query.state ?? null, query.cursor?.[0] ?? null, query.cursor?.[1] ?? null, query.limit],
    );
    return rows.map(disputeOf);
  }
}
