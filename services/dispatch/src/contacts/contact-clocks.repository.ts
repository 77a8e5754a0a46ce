import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { CloudEvent } from '@hotline/contracts';
import type { Outbox } from '@hotline/messaging';
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
}

const COLUMNS = `tenant_id, contact_id, queued_at, due_at, standard_id, standard_version, clause, late, stopped_by, stopped_at, breached_at, withdrawn_at`;

const UPDATE = `UPDATE dispatch.contact_clocks SET queued_at = $3, due_at = $4, standard_id = $5, standard_version = $6, clause = $7,
  late = $8, stopped_by = $9, stopped_at = $10, breached_at = $11, withdrawn_at = $12, updated_at = now()
  WHERE tenant_id = $1 AND contact_id = $2`;

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
         breached_at = u.breached_at, withdrawn_at = u.withdrawn_at, updated_at = now()
       FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::boolean[],
         $9::text[], $10::timestamptz[], $11::timestamptz[], $12::timestamptz[]) AS u(${COLUMNS})
       WHERE c.tenant_id = u.tenant_id AND c.contact_id = u.contact_id`,
      toColumns(clocks),
    );
  }

  /**
   * The contact's clock, locked for a firing timer without waiting: a consumer transaction that
   * holds it is changing it (and cancelling this very timer), so the timer is better retried than
   * left to wait for the consumer while the consumer waits for it.
   */
  async lockForFiring(manager: EntityManager, tenantId: string, contactId: string): Promise<AnswerClock | undefined> {
    const [row] = await manager.query(
      `SELECT ${COLUMNS} FROM dispatch.contact_clocks WHERE tenant_id = $1 AND contact_id = $2 FOR UPDATE NOWAIT`,
      [tenantId, contactId],
    );
    return row ? toClock(row as ClockRow) : undefined;
  }

  async save(manager: EntityManager, clock: AnswerClock): Promise<void> {
    await manager.query(UPDATE, toParams(clock));
  }

  /**
   * Saves the clock and adds its events to the outbox in one statement: a firing timer's whole
   * effect in one round trip, where an update then the outbox's insert and NOTIFY take three.
   */
  async saveWithEvents(manager: EntityManager, clock: AnswerClock, outbox: Outbox, events: readonly CloudEvent[]): Promise<void> {
    if (events.length === 0) return this.save(manager, clock);
    await manager.query(
      `WITH saved AS (${UPDATE} RETURNING 1),
         events AS (SELECT * FROM unnest($13::text[], $14::text[], $15::text[], $16::jsonb[]) AS e(event_id, tenant_id, type, payload)),
         ${outbox.cteFrom('events')}
       SELECT (SELECT count(*) FROM saved) AS saved, (SELECT count(*) FROM notified) AS notified`,
      [
        ...toParams(clock),
        events.map((e) => e.id),
        events.map((e) => e.tenantid),
        events.map((e) => e.type),
        events.map((e) => JSON.stringify(e)),
      ],
    );
  }

  async find(tenantId: string, contactId: string): Promise<AnswerClock | undefined> {
    const [row] = await this.dataSource.query(`SELECT ${COLUMNS} FROM dispatch.contact_clocks WHERE tenant_id = $1 AND contact_id = $2`, [
      tenantId,
      contactId,
    ]);
    return row ? toClock(row as ClockRow) : undefined;
  }
}
