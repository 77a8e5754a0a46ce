import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Contribution, emptyOutcome, type QueueOutcome } from './domain/queue-outcome';

export interface HeldOutcome {
  tenantId: string;
  contactId: string;
  outcome: QueueOutcome;
  /** What the contact last added to the minutes. */
  counted: Contribution[];
}

export const outcomeKey = (tenantId: string, contactId: string): string => JSON.stringify([tenantId, contactId]);

interface OutcomeRow {
  tenant_id: string;
  contact_id: string;
  outcome: QueueOutcome | null;
  counted: Contribution[];
}

/** `quality.alert_queue_outcomes`: per contact, what the alert windows know of it (kept 3 hours). */
@Injectable()
export class QueueOutcomesRepository {
  /** The contacts' rows, locked (in key order, so batches never deadlock), created when new. */
  async lockOrCreateMany(manager: EntityManager, refs: readonly { tenantId: string; contactId: string }[]): Promise<Map<string, HeldOutcome>> {
    const unique = [...new Map(refs.map((r) => [outcomeKey(r.tenantId, r.contactId), r])).values()];
    if (unique.length === 0) return new Map();
    const rows: OutcomeRow[] = await manager.query(
      `INSERT INTO quality.alert_queue_outcomes (tenant_id, contact_id, outcome)
       SELECT tenant_id, contact_id, 'null'::jsonb FROM unnest($1::text[], $2::text[]) AS c(tenant_id, contact_id) ORDER BY tenant_id, contact_id
       ON CONFLICT (tenant_id, contact_id) DO UPDATE SET tenant_id = excluded.tenant_id
       RETURNING tenant_id, contact_id, outcome, counted`,
      [unique.map((r) => r.tenantId), unique.map((r) => r.contactId)],
    );
    return new Map(
      rows.map((row) => [
        outcomeKey(row.tenant_id, row.contact_id),
        { tenantId: row.tenant_id, contactId: row.contact_id, outcome: { ...emptyOutcome(), ...(row.outcome ?? {}) }, counted: row.counted ?? [] },
      ]),
    );
  }

  async saveMany(manager: EntityManager, held: readonly HeldOutcome[]): Promise<void> {
    if (held.length === 0) return;
    await manager.query(
      `UPDATE quality.alert_queue_outcomes o SET outcome = u.outcome, counted = u.counted, updated_at = now()
       FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::jsonb[]) AS u(tenant_id, contact_id, outcome, counted)
       WHERE o.tenant_id = u.tenant_id AND o.contact_id = u.contact_id`,
      [held.map((h) => h.tenantId), held.map((h) => h.contactId), held.map((h) => JSON.stringify(h.outcome)), held.map((h) => JSON.stringify(h.counted))],
    );
  }

  /** Forgets contacts untouched for `olderThanMs`: their minutes are out of every window by then. */
  async prune(manager: EntityManager, olderThanMs: number): Promise<void> {
    await manager.query(`DELETE FROM quality.alert_queue_outcomes WHERE updated_at < now() - $1::float8 * interval '1 millisecond'`, [olderThanMs]);
  }
}
