import type { SqlRunner } from '@hotline/messaging';
import type { TimerPayload, TimerRef } from './timer';
import { refColumns } from './timer-refs';
import { timersChannel } from './timers-tables';

/** A timer whose handler kept failing, kept with its reason until someone retries it. */
export interface ParkedTimer extends TimerRef {
  dueAt: Date;
  payload: TimerPayload;
  attempts: number;
  reason: string;
  parkedAt: Date;
}

/**
 * The parked side of a service's timers, mirroring the parked outbox: parking moves a timer out
 * of `timers`, so it is no longer claimed and cannot hold anything back; retrying moves it back,
 * due at once with its tries reset. Each statement is atomic alone and inside a transaction.
 */
export class ParkedTimers {
  constructor(private readonly schema: string) {}

  /** Moves timers (as claimed at `revision`) to the parked table with their reasons. */
  async park(sql: SqlRunner, rows: readonly (TimerRef & { revision: number; reason: string })[]): Promise<number> {
    if (rows.length === 0) return 0;
    const [result] = await sql(
      `WITH reasons AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[]) AS r(tenant_id, kind, key, revision, reason)
       ), moved AS (
         DELETE FROM ${this.table('timers')} t USING reasons r
         WHERE t.tenant_id = r.tenant_id AND t.kind = r.kind AND t.key = r.key AND t.revision = r.revision
         RETURNING t.tenant_id, t.kind, t.key, t.due_at, t.payload, t.attempts + 1 AS attempts, r.reason
       ), parked AS (
         INSERT INTO ${this.table('timers_parked')} (tenant_id, kind, key, due_at, payload, attempts, reason)
         SELECT * FROM moved
         ON CONFLICT (tenant_id, kind, key) DO UPDATE SET due_at = excluded.due_at, payload = excluded.payload,
           attempts = excluded.attempts, reason = excluded.reason, parked_at = now()
         RETURNING 1
       )
       SELECT count(*)::int AS n FROM parked`,
      [...refColumns(rows), rows.map((r) => r.revision), rows.map((r) => r.reason)],
    );
    return Number(result['n']);
  }

  async count(sql: SqlRunner): Promise<number> {
    const [row] = await sql(`SELECT count(*)::int AS n FROM ${this.table('timers_parked')}`);
    return Number(row['n']);
  }

  /** Oldest parked first; `tenantId` narrows it to one tenant. */
  async list(sql: SqlRunner, options: { limit: number; tenantId?: string }): Promise<ParkedTimer[]> {
    const rows = await sql(
      `SELECT tenant_id, kind, key, due_at, payload, attempts, reason, parked_at FROM ${this.table('timers_parked')}
       WHERE $2::text IS NULL OR tenant_id = $2 ORDER BY parked_at, tenant_id, kind, key LIMIT $1`,
      [options.limit, options.tenantId ?? null],
    );
    return rows.map((row) => ({
      tenantId: String(row['tenant_id']),
      kind: String(row['kind']),
      key: String(row['key']),
      dueAt: new Date(row['due_at'] as string),
      payload: (row['payload'] ?? {}) as TimerPayload,
      attempts: Number(row['attempts']),
      reason: String(row['reason']),
      parkedAt: new Date(row['parked_at'] as string),
    }));
  }

  /**
   * Moves parked timers (the given ones, or all) back to fire at once, tries reset, and wakes the
   * runners. A timer set again since it was parked stays as set; its parked copy is dropped.
   */
  async retry(sql: SqlRunner, refs: readonly TimerRef[] | 'all'): Promise<number> {
    const [tenants, kinds, keys] = refs === 'all' ? [null, null, null] : refColumns(refs);
    const [result] = await sql(
      `WITH moved AS (
         DELETE FROM ${this.table('timers_parked')} p
         WHERE $1::text[] IS NULL OR (p.tenant_id, p.kind, p.key) IN (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]))
         RETURNING p.tenant_id, p.kind, p.key, p.due_at, p.payload
       ), requeued AS (
         INSERT INTO ${this.table('timers')} (tenant_id, kind, key, due_at, fire_at, payload)
         SELECT tenant_id, kind, key, due_at, now(), payload FROM moved
         ON CONFLICT (tenant_id, kind, key) DO NOTHING
         RETURNING 1
       )
       SELECT count(*)::int AS n, pg_notify($4, '') IS NULL AS notified FROM requeued`,
      [tenants, kinds, keys, timersChannel(this.schema)],
    );
    return Number(result['n']);
  }

  private table(name: string): string {
    return `"${this.schema}".${name}`;
  }
}
