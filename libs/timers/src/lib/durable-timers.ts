import type { DataSource, EntityManager } from 'typeorm';
import type { TimerBatchHandler, TimerHandler, TimerRef, TimerSpec } from './timer';
import { TimerRunner, type TimerRunnerOptions } from './timer-runner';
import { refColumns } from './timer-refs';
import { timersChannel } from './timers-tables';

export type DurableTimersOptions = TimerRunnerOptions;

/** Injection token for the timers' status, for a service's `/health` to report parked timers. */
export const TIMERS_STATUS = Symbol('HOTLINE_TIMERS_STATUS');

export interface TimersStatus {
  /** Timers parked because their handler kept failing. */
  parkedTimers(): number;
}

/**
 * Durable timers in the service's schema (DESIGN decision 6). Domain code sets and cancels timers
 * inside its own transaction, so a timer exists exactly when the change that wanted it committed;
 * handlers are registered per kind and run by the runner, at least once, in the transaction that
 * removes the timer. Due times come from the caller (computed with an injected `Clock`).
 */
export class DurableTimers implements TimersStatus {
  /** Every kind's handler as a batch handler: a one-at-a-time handler runs over its batch in order. */
  private readonly handlers = new Map<string, TimerBatchHandler>();
  private readonly runner: TimerRunner;
  private readonly notifyWithinMs: number;

  constructor(
    dataSource: DataSource,
    private readonly options: DurableTimersOptions,
  ) {
    this.runner = new TimerRunner(dataSource, this.handlers, options);
    // Runners look at the table every poll interval and set an alarm for what falls due within two:
    // only a timer due sooner than that may need a NOTIFY. Two intervals, not one, leave one
    // interval for clock skew between this process and the database.
    this.notifyWithinMs = 2 * (options.pollIntervalMs ?? 1_000);
  }

  /** Registers the handler for a kind; register before the app starts (e.g. in `onModuleInit`). */
  handle(kind: string, handler: TimerHandler): void {
    this.handleBatch(kind, async (manager, timers) => {
      for (const timer of timers) await handler(manager, timer);
    });
  }

  /** Registers a handler that takes a kind's due timers together (see TimerBatchHandler). */
  handleBatch(kind: string, handler: TimerBatchHandler): void {
    if (this.handlers.has(kind)) throw new Error(`a handler for timer kind ${kind} is registered already`);
    this.handlers.set(kind, handler);
  }

  /**
   * Sets the timer, or moves it if it is set already (new due time and payload, tries reset).
   * Runners are woken at commit if it falls due before their next look at the table.
   */
  async set(manager: EntityManager, timer: TimerSpec): Promise<void> {
    const due = timer.dueAt.getTime();
    if (!Number.isFinite(due)) throw new RangeError(`timer ${timer.kind} ${timer.key}: dueAt is not a valid date`);
    const params = [timer.tenantId, timer.kind, timer.key, timer.dueAt, JSON.stringify(timer.payload ?? {})];
    const upsert = `INSERT INTO ${this.table('timers')} (tenant_id, kind, key, due_at, fire_at, payload)
       VALUES ($1, $2, $3, $4, $4, $5::jsonb)
       ON CONFLICT (tenant_id, kind, key) DO UPDATE SET due_at = excluded.due_at, fire_at = excluded.fire_at,
         payload = excluded.payload, attempts = 0, last_error = NULL, revision = timers.revision + 1, set_at = now()`;
    // Most timers (an answer clock's 30 s) are further off than that: a plain upsert, at about
    // two thirds of the cost of one that may NOTIFY (measured: 4,750 → 7,010 sets/s).
    if (due - Date.now() > this.notifyWithinMs) {
      await manager.query(upsert, params);
      return;
    }
    await manager.query(
      `WITH upserted AS (${upsert} RETURNING due_at)
       SELECT pg_notify($6, (extract(epoch FROM due_at) * 1000)::bigint::text) FROM upserted
       WHERE due_at <= now() + $7::float8 * interval '1 millisecond'`,
      [...params, timersChannel(this.options.schema), this.notifyWithinMs],
    );
  }

  /**
   * Cancels the timer, or a parked copy of it. Resolves false when there was no live timer: never
   * set, cancelled already, or fired already — a cancel that waited for the firing transaction
   * sees the timer gone, so the caller knows its deadline went off first.
   */
  async cancel(manager: EntityManager, ref: TimerRef): Promise<boolean> {
    const params = [ref.tenantId, ref.kind, ref.key];
    // A SELECT around the DELETE: TypeORM answers a bare DELETE with [rows, count], a SELECT with rows.
    const [live] = await manager.query(
      `WITH cancelled AS (DELETE FROM ${this.table('timers')} WHERE tenant_id = $1 AND kind = $2 AND key = $3 RETURNING 1)
       SELECT count(*)::int AS n FROM cancelled`,
      params,
    );
    if (Number(live.n) > 0) return true;
    // Not live: it may have been parked, and a retry must not fire what was cancelled.
    await manager.query(`DELETE FROM ${this.table('timers_parked')} WHERE tenant_id = $1 AND kind = $2 AND key = $3`, params);
    return false;
  }

  /**
   * `set` for many timers in one statement (one NOTIFY at most, for the soonest), as a batch of
   * events sets them. A ref may appear once only: a statement cannot upsert one row twice.
   */
  async setMany(manager: EntityManager, timers: readonly TimerSpec[]): Promise<void> {
    if (timers.length === 0) return;
    for (const timer of timers) {
      if (!Number.isFinite(timer.dueAt.getTime())) throw new RangeError(`timer ${timer.kind} ${timer.key}: dueAt is not a valid date`);
    }
    const soonest = Math.min(...timers.map((t) => t.dueAt.getTime()));
    const params = setColumns(timers);
    const upsert = this.upsertMany(1);
    if (soonest - Date.now() > this.notifyWithinMs) {
      await manager.query(upsert, params);
      return;
    }
    await manager.query(
      `WITH upserted AS (${upsert} RETURNING due_at)
       SELECT pg_notify($6, (extract(epoch FROM min(due_at)) * 1000)::bigint::text) FROM upserted
       HAVING min(due_at) <= now() + $7::float8 * interval '1 millisecond'`,
      [...params, timersChannel(this.options.schema), this.notifyWithinMs],
    );
  }

  /**
   * `cancel` for many timers, parked copies included, in one statement; resolves with how many of
   * them were live (never set, cancelled or fired already do not count).
   */
  async cancelMany(manager: EntityManager, refs: readonly TimerRef[]): Promise<number> {
    if (refs.length === 0) return 0;
    const [live] = await manager.query(
      `WITH refs AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) AS r(tenant_id, kind, key)),
         cancelled AS (
           DELETE FROM ${this.table('timers')} t USING refs r WHERE t.tenant_id = r.tenant_id AND t.kind = r.kind AND t.key = r.key RETURNING 1
         ),
         unparked AS (
           DELETE FROM ${this.table('timers_parked')} p USING refs r WHERE p.tenant_id = r.tenant_id AND p.kind = r.kind AND p.key = r.key RETURNING 1
         )
       SELECT (SELECT count(*)::int FROM cancelled) AS n, (SELECT count(*)::int FROM unparked) AS unparked`,
      refColumns(refs),
    );
    return Number(live.n);
  }

  /**
   * `cancelMany` then `setMany` in one round trip, as a batch of events that stops some clocks and
   * starts others needs: a ref in both ends set (moved, its parked copy dropped). Resolves with how
   * many of the cancelled ones that are not set again were live.
   */
  async changeMany(manager: EntityManager, change: { cancel: readonly TimerRef[]; set: readonly TimerSpec[] }): Promise<number> {
    const { cancel, set } = change;
    if (set.length === 0) return this.cancelMany(manager, cancel);
    if (cancel.length === 0) {
      await this.setMany(manager, set);
      return 0;
    }
    for (const timer of set) {
      if (!Number.isFinite(timer.dueAt.getTime())) throw new RangeError(`timer ${timer.kind} ${timer.key}: dueAt is not a valid date`);
    }
    const refKey = (r: TimerRef) => JSON.stringify([r.tenantId, r.kind, r.key]);
    const setAgain = new Set(set.map(refKey));
    // The live rows of refs set again are moved by the upsert, not deleted: one statement may not touch a row twice.
    const live = cancel.filter((ref) => !setAgain.has(refKey(ref)));
    const soonest = Math.min(...set.map((t) => t.dueAt.getTime()));
    const notify = soonest - Date.now() <= this.notifyWithinMs;
    const [row] = await manager.query(
      `WITH cancelled AS (
         DELETE FROM ${this.table('timers')} t USING unnest($1::text[], $2::text[], $3::text[]) AS r(tenant_id, kind, key)
         WHERE t.tenant_id = r.tenant_id AND t.kind = r.kind AND t.key = r.key RETURNING 1
       ), unparked AS (
         DELETE FROM ${this.table('timers_parked')} p USING unnest($4::text[], $5::text[], $6::text[]) AS r(tenant_id, kind, key)
         WHERE p.tenant_id = r.tenant_id AND p.kind = r.kind AND p.key = r.key RETURNING 1
       ), upserted AS (${this.upsertMany(7)} RETURNING due_at)
       SELECT (SELECT count(*)::int FROM cancelled) AS n, (SELECT count(*)::int FROM unparked) AS unparked${
         notify
           ? `, (SELECT pg_notify($12, (extract(epoch FROM min(due_at)) * 1000)::bigint::text) FROM upserted
                 HAVING min(due_at) <= now() + $13::float8 * interval '1 millisecond') AS notified`
           : ''
       }`,
      [
        ...refColumns(live),
        ...refColumns(cancel),
        ...setColumns(set),
        ...(notify ? [timersChannel(this.options.schema), this.notifyWithinMs] : []),
      ],
    );
    return Number(row.n);
  }

  /** Starts firing timers in this process; idempotent. */
  start(): Promise<void> {
    return this.runner.start();
  }

  /** Stops firing; resolves once the batch in hand is settled. */
  stop(): Promise<void> {
    return this.runner.stop();
  }

  /** Fires every timer due now without starting the loop; resolves with how many fired. */
  drain(): Promise<number> {
    return this.runner.drain();
  }

  parkedTimers(): number {
    return this.runner.parkedTimers();
  }

  /** The upsert of `setMany`, its five column arrays numbered from `$first`. */
  private upsertMany(first: number): string {
    const [tenant, kind, key, due, payload] = [0, 1, 2, 3, 4].map((i) => `$${first + i}`);
    return `INSERT INTO ${this.table('timers')} (tenant_id, kind, key, due_at, fire_at, payload)
       SELECT t.tenant_id, t.kind, t.key, t.due_at, t.due_at, t.payload
       FROM unnest(${tenant}::text[], ${kind}::text[], ${key}::text[], ${due}::timestamptz[], ${payload}::jsonb[]) AS t(tenant_id, kind, key, due_at, payload)
       ON CONFLICT (tenant_id, kind, key) DO UPDATE SET due_at = excluded.due_at, fire_at = excluded.fire_at,
         payload = excluded.payload, attempts = 0, last_error = NULL, revision = timers.revision + 1, set_at = now()`;
  }

  private table(name: string): string {
    return `"${this.options.schema}".${name}`;
  }
}

/** Column arrays for `upsertMany`: refs, due times and payloads. */
function setColumns(timers: readonly TimerSpec[]): unknown[] {
  return [...refColumns(timers), timers.map((t) => t.dueAt.toISOString()), timers.map((t) => JSON.stringify(t.payload ?? {}))];
}
