import { outboxChannel } from './messaging-tables';

/** Runs one SQL statement and resolves with its rows (TypeORM's runner and pg's client both fit). */
export type SqlRunner = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

/** An outbox row the relay could not publish, kept with its reason until someone retries it. */
export interface ParkedEvent {
  id: string;
  eventId: string;
  tenantId: string;
  type: string;
  attempts: number;
  reason: string;
  createdAt: Date;
  parkedAt: Date;
}

/**
 * The parked side of a service's outbox (messaging tables v2). Parking moves a row out of the
 * outbox, so the rows behind it flow on; retrying moves it back to the end of the outbox. Every
 * statement is one `WITH … SELECT`, atomic on its own and inside the caller's transaction alike.
 */
export class ParkedOutbox {
  constructor(private readonly schema: string) {}

  /** Moves the rows out of the outbox with their reasons; resolves with how many moved. */
  async park(sql: SqlRunner, rows: readonly { id: string; reason: string }[]): Promise<number> {
    if (rows.length === 0) return 0;
    const [result] = await sql(
      `WITH reasons AS (SELECT * FROM unnest($1::bigint[], $2::text[]) AS r(id, reason)),
       moved AS (DELETE FROM ${this.table('outbox')} o USING reasons r WHERE o.id = r.id RETURNING o.*, r.reason),
       parked AS (
         INSERT INTO ${this.table('outbox_parked')} (id, event_id, tenant_id, type, payload, created_at, attempts, reason)
         SELECT id, event_id, tenant_id, type, payload, created_at, attempts, reason FROM moved RETURNING id
       )
       SELECT count(*)::int AS n FROM parked`,
      [rows.map((r) => r.id), rows.map((r) => r.reason)],
    );
    return Number(result['n']);
  }

  /** Counts a failed attempt on each row; resolves with every row's attempts so far. */
  async recordFailures(sql: SqlRunner, rows: readonly { id: string; reason: string }[]): Promise<Map<string, number>> {
    if (rows.length === 0) return new Map();
    const updated = await sql(
      `WITH updated AS (
         UPDATE ${this.table('outbox')} o SET attempts = o.attempts + 1, last_error = r.reason
         FROM unnest($1::bigint[], $2::text[]) AS r(id, reason) WHERE o.id = r.id RETURNING o.id, o.attempts
       )
       SELECT id::text, attempts FROM updated`,
      [rows.map((r) => r.id), rows.map((r) => r.reason)],
    );
    return new Map(updated.map((row) => [String(row['id']), Number(row['attempts'])]));
  }

  async count(sql: SqlRunner): Promise<number> {
    const [row] = await sql(`SELECT count(*)::int AS n FROM ${this.table('outbox_parked')}`);
    return Number(row['n']);
  }

  /** Oldest first; `tenantId` narrows it to one tenant. */
  async list(sql: SqlRunner, options: { limit: number; tenantId?: string }): Promise<ParkedEvent[]> {
    const rows = await sql(
      `SELECT id::text, event_id, tenant_id, type, attempts, reason, created_at, parked_at
       FROM ${this.table('outbox_parked')} WHERE $2::text IS NULL OR tenant_id = $2 ORDER BY outbox_parked.id LIMIT $1`,
      [options.limit, options.tenantId ?? null],
    );
    return rows.map((row) => ({
      id: String(row['id']),
      eventId: String(row['event_id']),
      tenantId: String(row['tenant_id']),
      type: String(row['type']),
      attempts: Number(row['attempts']),
      reason: String(row['reason']),
      createdAt: new Date(row['created_at'] as string),
      parkedAt: new Date(row['parked_at'] as string),
    }));
  }

  /**
   * Puts parked rows (the given ids, or all) back at the end of the outbox with their attempts
   * reset, and wakes the relay; resolves with how many went back.
   */
  async retry(sql: SqlRunner, ids: readonly string[] | 'all'): Promise<number> {
    const [result] = await sql(
      `WITH moved AS (
         DELETE FROM ${this.table('outbox_parked')} WHERE $1::bigint[] IS NULL OR id = ANY($1::bigint[]) RETURNING *
       ), requeued AS (
         INSERT INTO ${this.table('outbox')} (event_id, tenant_id, type, payload, created_at)
         SELECT event_id, tenant_id, type, payload, created_at FROM moved ORDER BY id RETURNING 1
       )
       SELECT count(*)::int AS n, pg_notify($2, '') IS NULL AS notified FROM requeued`,
      [ids === 'all' ? null : ids, outboxChannel(this.schema)],
    );
    return Number(result['n']);
  }

  private table(name: string): string {
    return `"${this.schema}".${name}`;
  }
}
