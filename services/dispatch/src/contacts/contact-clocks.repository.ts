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

/** Answer clocks, one row per (tenant, contact), read and written in the caller's transaction. */
@Injectable()
export class ContactClocksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Stores a clock that did not exist yet, in one round trip (the common case for `contact.queued`):
   * false when the contact has a row already, which the caller then locks and updates.
   */
  async insertNew(manager: EntityManager, clock: AnswerClock): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO dispatch.contact_clocks (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (tenant_id, contact_id) DO NOTHING RETURNING 1`,
      toParams(clock),
    );
    return rows.length === 1;
  }

  /**
   * The contact's clock, locked until the transaction ends: the row as it is, or a fresh empty one
   * (a stop before its queued). One round trip, and safe against a concurrent first insert.
   */
  async lockOrCreate(manager: EntityManager, tenantId: string, contactId: string): Promise<AnswerClock> {
    const [row] = await manager.query(
      `INSERT INTO dispatch.contact_clocks (tenant_id, contact_id) VALUES ($1, $2)
       ON CONFLICT (tenant_id, contact_id) DO UPDATE SET tenant_id = excluded.tenant_id RETURNING ${COLUMNS}`,
      [tenantId, contactId],
    );
    return toClock(row as ClockRow);
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
