import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ANSWER_TIMER_KIND } from './answer-verdicts';
import type { AnswerClock, StopKind } from './domain/answer-clock';

/** A `dispatch.contact_clocks` row as PostgreSQL returns it. */
interface ClockRow {
  tenant_id: string;
  contact_id: string;
  queued_at: Date | null;
  due_at: Date | null;
  standard_id: string | null;
  standard_version: string | null;
  clause: string | null;
  late: boolean;
  stopped_by: StopKind | null;
  stopped_at: Date | null;
  breached_at: Date | null;
  withdrawn_at: Date | null;
  /** Null when the clock does not warn (the default). */
  warn_points: number[] | null;
  warned_point: number | null;
}

const COLUMNS = `tenant_id, contact_id, queued_at, due_at, standard_id, standard_version, clause, late, stopped_by, stopped_at, breached_at, withdrawn_at, warn_points, warned_point`;


function toClock(row: ClockRow): AnswerClock {
  const date = (value: Date | null) => (value === null ? null : new Date(value));
  return {
    tenantId: row.tenant_id,
    contactId: row.contact_id,
    queuedAt: date(row.queued_at),
    dueAt: date(row.due_at),
    standard:
      row.standard_id === null ? null : { standardId: row.standard_id, standardVersion: row.standard_version ?? '', clause: row.clause ?? '' },
    late: row.late,
    stoppedBy: row.stopped_by,
    stoppedAt: date(row.stopped_at),
    breachedAt: date(row.breached_at),
    withdrawnAt: date(row.withdrawn_at),
    warnPoints: row.warn_points ?? [],
    warnedPoint: row.warned_point === null ? null : Number(row.warned_point),
  };
}

function toParams(clock: AnswerClock): unknown[] {
  return [
    clock.tenantId,
    clock.contactId,
    clock.queuedAt,
    clock.dueAt,
    clock.standard?.standardId ?? null,
    clock.standard?.standardVersion ?? null,
    clock.standard?.clause ?? null,
    clock.late,
    clock.stoppedBy,
    clock.stoppedAt,
    clock.breachedAt,
    clock.withdrawnAt,
    clock.warnPoints.length === 0 ? null : JSON.stringify(clock.warnPoints),
    clock.warnedPoint,
  ];
}

/** Which contact a clock is. */
export interface ContactRef {
  tenantId: string;
  contactId: string;
}

/** A contact's key in the maps `lockOrCreateMany` answers. */
export function contactKey({ tenantId, contactId }: ContactRef): string {
  return JSON.stringify([tenantId, contactId]);
}

/** Column arrays for `unnest(...)`, in the order of `COLUMNS`: many clocks in one statement. */
function toColumns(clocks: readonly AnswerClock[]): unknown[][] {
  const rows = clocks.map(toParams);
  const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : value);
  return COLUMN_NAMES.map((_, column) => rows.map((row) => iso(row[column])));
}

const COLUMN_NAMES = COLUMNS.split(', ');

/** Answer clocks, one row per (tenant, contact), read and written in the caller's transaction. */
@Injectable()
export class ContactClocksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The contacts' clocks, locked until the transaction ends, in one round trip: each row as it is,
   * or a fresh empty one (a contact's first event). Locked in key order, so two transactions
   * holding some of the same contacts never wait on each other in a cycle. Keyed by `contactKey`.
   */
  async lockOrCreateMany(manager: EntityManager, refs: readonly ContactRef[]): Promise<Map<string, AnswerClock>> {
    const unique = [...new Map(refs.map((ref) => [contactKey(ref), ref])).values()];
    if (unique.length === 0) return new Map();
    const rows: ClockRow[] = await manager.query(
      `INSERT INTO dispatch.contact_clocks (tenant_id, contact_id)
       SELECT tenant_id, contact_id FROM unnest($1::text[], $2::text[]) AS c(tenant_id, contact_id) ORDER BY tenant_id, contact_id
       ON CONFLICT (tenant_id, contact_id) DO UPDATE SET tenant_id = excluded.tenant_id RETURNING ${COLUMNS}`,
      [unique.map((r) => r.tenantId), unique.map((r) => r.contactId)],
    );
    return new Map(rows.map((row) => [contactKey({ tenantId: row.tenant_id, contactId: row.contact_id }), toClock(row)]));
  }

  /** Saves clocks `lockOrCreateMany` locked, in one statement. */
  async saveMany(manager: EntityManager, clocks: readonly AnswerClock[]): Promise<void> {
    if (clocks.length === 0) return;
    await manager.query(
      `UPDATE dispatch.contact_clocks c SET queued_at = u.queued_at, due_at = u.due_at, standard_id = u.standard_id,
         standard_version = u.standard_version, clause = u.clause, late = u.late, stopped_by = u.stopped_by, stopped_at = u.stopped_at,
         breached_at = u.breached_at, withdrawn_at = u.withdrawn_at, warn_points = u.warn_points, warned_point = u.warned_point, updated_at = now(),
         closed_at = CASE WHEN u.stopped_by IS NULL THEN NULL ELSE now() END
       FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::boolean[],
         $9::text[], $10::timestamptz[], $11::timestamptz[], $12::timestamptz[], $13::jsonb[], $14::float8[]) AS u(${COLUMNS})
       WHERE c.tenant_id = u.tenant_id AND c.contact_id = u.contact_id`,
      toColumns(clocks),
    );
  }

  /**
   * The contacts' clocks, locked for firing timers without waiting, in one round trip (two when
   * some are missing). A consumer transaction holding one is changing it (and cancelling its
   * timer): its timer is `busy`, to be fired a moment later, rather than waited for (the consumer
   * may be waiting on the timer's row) or failed (which would send the whole batch one by one).
   * `locked` is keyed by `contactKey`; a contact with no clock row is in neither.
   */
  async lockManyForFiring(manager: EntityManager, refs: readonly ContactRef[]): Promise<{ locked: Map<string, AnswerClock>; busy: ContactRef[] }> {
    if (refs.length === 0) return { locked: new Map(), busy: [] };
    const rows: ClockRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM dispatch.contact_clocks
       WHERE (tenant_id, contact_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))
       ORDER BY tenant_id, contact_id FOR UPDATE SKIP LOCKED`,
      [refs.map((r) => r.tenantId), refs.map((r) => r.contactId)],
    );
    const locked = new Map(rows.map((row) => [contactKey({ tenantId: row.tenant_id, contactId: row.contact_id }), toClock(row)]));
    const missing = refs.filter((ref) => !locked.has(contactKey(ref)));
    if (missing.length === 0) return { locked, busy: [] };
    // Skipped (held by another transaction) or absent: only a row that exists is busy.
    const existing: { tenant_id: string; contact_id: string }[] = await manager.query(
      `SELECT tenant_id, contact_id FROM dispatch.contact_clocks WHERE (tenant_id, contact_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [missing.map((r) => r.tenantId), missing.map((r) => r.contactId)],
    );
    return { locked, busy: existing.map((row) => ({ tenantId: row.tenant_id, contactId: row.contact_id })) };
  }

  /**
   * Deletes up to `limit` closed clocks (stopped: answered, abandoned or exited) last changed before
   * `cutoff` (`closed_at`, indexed) whose deadline timer is gone (none live, none parked), across tenants: the retention
   * job's. Rows a consumer holds are skipped, not waited for (the next run takes them); an event
   * for a purged contact then finds no row and starts it afresh. Resolves with how many went.
   */
  async purgeClosed(manager: EntityManager, cutoff: Date, limit: number): Promise<number> {
    const [row] = await manager.query(
      `WITH doomed AS (
         SELECT tenant_id, contact_id FROM dispatch.contact_clocks c
         WHERE c.closed_at < $1
           AND NOT EXISTS (SELECT 1 FROM dispatch.timers t WHERE t.tenant_id = c.tenant_id AND t.kind = $3 AND t.key = c.contact_id)
           AND NOT EXISTS (SELECT 1 FROM dispatch.timers_parked p WHERE p.tenant_id = c.tenant_id AND p.kind = $3 AND p.key = c.contact_id)
         LIMIT $2 FOR UPDATE SKIP LOCKED
       ), purged AS (
         DELETE FROM dispatch.contact_clocks c USING doomed d WHERE c.tenant_id = d.tenant_id AND c.contact_id = d.contact_id RETURNING 1
       )
       SELECT count(*)::int AS n FROM purged`,
      [cutoff, limit, ANSWER_TIMER_KIND],
    );
    return Number(row.n);
  }

  async find(tenantId: string, contactId: string): Promise<AnswerClock | undefined> {
    const [row] = await this.dataSource.query(`SELECT ${COLUMNS} FROM dispatch.contact_clocks WHERE tenant_id = $1 AND contact_id = $2`, [
      tenantId,
      contactId,
    ]);
    return row ? toClock(row as ClockRow) : undefined;
  }
}
