import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ActionState, ActionTransition, ImprovementAction, SourceKind } from './domain/improvement-action';

interface ActionRow {
  id: string;
  tenant_id: string;
  title: string;
  source_kind: SourceKind;
  source_id: string;
  owner: string;
  due_at: Date;
  state: ActionState;
  history: (Omit<ActionTransition, 'at'> & { at: string })[];
  created_at: Date;
  updated_at: Date;
}

const actionOf = (r: ActionRow): ImprovementAction => ({
  id: r.id,
  tenantId: r.tenant_id,
  title: r.title,
  source: { kind: r.source_kind, id: r.source_id },
  owner: r.owner,
  dueAt: new Date(r.due_at),
  state: r.state,
  history: r.history.map((h) => ({ ...h, at: new Date(h.at) })),
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

export interface ActionFilters {
  state?: ActionState;
  owner?: string;
  sourceKind?: SourceKind;
  sourceId?: string;
  /** Only those overdue (true) or not (false) at `now`. */
  overdue?: boolean;
  now: Date;
  limit: number;
  /** The previous page's last `[createdAt, id]`. */
  after?: readonly [string, string];
}

/** `quality.improvement_actions`: one row per action, its transitions in `history`. */
@Injectable()
export class ImprovementActionsRepository {
  async insert(manager: EntityManager, a: ImprovementAction): Promise<void> {
    await manager.query(
      `INSERT INTO quality.improvement_actions (id, tenant_id, title, source_kind, source_id, owner, due_at, state, history, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [a.id, a.tenantId, a.title, a.source.kind, a.source.id, a.owner, a.dueAt.toISOString(), a.state, JSON.stringify(a.history), a.createdAt.toISOString(), a.updatedAt.toISOString()],
    );
  }

  async save(manager: EntityManager, a: ImprovementAction): Promise<void> {
    await manager.query(`UPDATE quality.improvement_actions SET state = $3, history = $4, updated_at = $5 WHERE tenant_id = $1 AND id = $2`, [
      a.tenantId,
      a.id,
      a.state,
      JSON.stringify(a.history),
      a.updatedAt.toISOString(),
    ]);
  }

  async find(manager: EntityManager, tenantId: string, id: string, lock = false): Promise<ImprovementAction | undefined> {
    const rows: ActionRow[] = await manager.query(`SELECT * FROM quality.improvement_actions WHERE tenant_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`, [tenantId, id]);
    return rows[0] && actionOf(rows[0]);
  }

  async list(manager: EntityManager, tenantId: string, f: ActionFilters): Promise<ImprovementAction[]> {
    const rows: ActionRow[] = await manager.query(
      `SELECT * FROM quality.improvement_actions
       WHERE tenant_id = $1 AND ($2::text IS NULL OR state = $2) AND ($3::text IS NULL OR owner = $3)
         AND ($4::text IS NULL OR source_kind = $4) AND ($5::text IS NULL OR source_id = $5)
         AND ($6::boolean IS NULL OR (state IN ('open', 'in_progress') AND due_at < $7) = $6)
         AND ($8::timestamptz IS NULL OR (created_at, id) > ($8::timestamptz, $9::uuid))
       ORDER BY created_at, id LIMIT $10`,
      [tenantId, f.state ?? null, f.owner ?? null, f.sourceKind ?? null, f.sourceId ?? null, f.overdue ?? null, f.now.toISOString(), f.after?.[0] ?? null, f.after?.[1] ?? null, f.limit],
    );
    return rows.map(actionOf);
  }
}
