import { Logger } from '@nestjs/common';
import type { DataSource, QueryRunner } from 'typeorm';
import { type PassResult, type SqlRunner, WakeablePoller } from '@hotline/messaging';
import { type ClaimedTimerRow, toFiredTimer } from './claimed-timer';
import { ParkedTimers } from './parked-timers';
import { afterFailure, DEFAULT_RETRY_BACKOFF, type RetryBackoff } from './retry-backoff';
import type { FiredTimer, TimerBatchHandler, TimerBatchOutcome, TimerRef } from './timer';
import { describeRef, refColumns } from './timer-refs';
import { timersChannel } from './timers-tables';
import { timersMetrics } from './timers-metrics';
import { dueTimeOf, WakeAlarm } from './wake-alarm';

export interface TimerRunnerOptions {
  schema: string;
  /** Timers claimed and fired per transaction (default 200). */
  batchSize?: number;
  /** Polling fallback (default 1 s); a set timer due within two of these NOTIFYs the runners. */
  pollIntervalMs?: number;
  /** Fired more than this after due is flagged `late` (default 5 s). */
  lateAfterMs?: number;
  retry?: Partial<RetryBackoff>;
}

/** While due timers are held by another replica, look again this soon rather than spin. */
const RECHECK_MS = 50;
/** A timer its handler found busy (another transaction holds its subject) is claimable again this soon. */
const BUSY_RETRY_MS = 100;

type Claimed = FiredTimer & { revision: number };

/**
 * Fires due timers. A batch is claimed with FOR UPDATE SKIP LOCKED (replicas share the work, none
 * fires a timer another holds) in the database's clock, `fire_at <= now()`, so replicas agree on
 * what is due whatever their own clocks say. Each handler runs in the claiming transaction, which
 * removes the timers it fired: effect and removal commit together. The whole batch is tried in one
 * savepoint; if a handler throws, it is rolled back and the timers go again one savepoint each,
 * so a failing timer only delays itself: it is retried with backoff, then parked with its reason.
 */
export class TimerRunner {
  private readonly logger = new Logger(TimerRunner.name);
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly lateAfterMs: number;
  private readonly backoff: RetryBackoff;
  private readonly parked: ParkedTimers;
  private readonly poller: WakeablePoller;
  private readonly alarm: WakeAlarm;
  /** Database clock minus ours, so a due time from the database becomes a local alarm time. */
  private clockOffsetMs = 0;
  private parkedCount = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly handlers: ReadonlyMap<string, TimerBatchHandler>,
    private readonly options: TimerRunnerOptions,
  ) {
    this.batchSize = options.batchSize ?? 200;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.lateAfterMs = options.lateAfterMs ?? 5_000;
    this.backoff = { ...DEFAULT_RETRY_BACKOFF, ...options.retry };
    this.parked = new ParkedTimers(options.schema);
    this.poller = new WakeablePoller(dataSource, {
      name: 'durable timers',
      logContext: TimerRunner.name,
      channel: timersChannel(options.schema),
      pollIntervalMs: this.pollIntervalMs,
      pass: () => this.fireBatch(),
      afterDrain: () => this.lookAhead(),
      onNotification: (payload) => this.notified(payload),
      onTick: () => this.measure(),
    });
    // Twice the poll interval: a timer further off is seen again by a later poll before it is due.
    this.alarm = new WakeAlarm(() => this.poller.wake(), this.pollIntervalMs * 2);
  }

  parkedTimers(): number {
    return this.parkedCount;
  }

  start(): Promise<void> {
    return this.poller.start();
  }

  async stop(): Promise<void> {
    await this.poller.stop();
    this.alarm.clear();
  }

  /** Fires every due timer; resolves with how many fired. */
  drain(): Promise<number> {
    return this.poller.drain();
  }

  private async fireBatch(): Promise<PassResult> {
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0) return { done: 0, more: false };
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      // Only kinds this process handles: during a rolling upgrade an older replica leaves new kinds alone.
      const rows: (ClaimedTimerRow & { revision: number })[] = await runner.query(
        `SELECT tenant_id, kind, key, due_at, payload, attempts, revision,
                (extract(epoch FROM now() - due_at) * 1000)::float8 AS late_ms
         FROM ${this.table('timers')} WHERE fire_at <= now() AND kind = ANY($1::text[])
         ORDER BY fire_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [kinds, this.batchSize],
      );
      const claimed: Claimed[] = rows.map((row) => ({ ...toFiredTimer(row, this.lateAfterMs), revision: Number(row.revision) }));
      const { failures, busy } = await this.fireAll(runner, claimed);
      const fired = claimed.filter((t) => !failures.has(t) && !busy.has(t));
      await this.remove(runner, fired);
      await this.settleFailures(runner, failures);
      await this.putOff(runner, busy);
      await runner.commitTransaction();
      if (busy.size > 0) timersMetrics.busy.inc(busy.size);
      for (const timer of fired) {
        timersMetrics.fired.inc({ kind: timer.kind, late: String(timer.late) });
        timersMetrics.delaySeconds.observe({ kind: timer.kind }, timer.lateByMs / 1000);
      }
      return { done: fired.length, more: rows.length === this.batchSize };
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /**
   * Runs the handlers; resolves with the timers whose handler threw, and why, and those a handler
   * found busy (left for a moment later).
   */
  private async fireAll(runner: QueryRunner, timers: readonly Claimed[]): Promise<{ failures: Map<Claimed, string>; busy: Set<Claimed> }> {
    const busy = new Set<Claimed>();
    if (timers.length > 1) {
      await runner.query('SAVEPOINT timers_batch');
      try {
        for (const [kind, ofKind] of byKind(timers)) addBusy(busy, ofKind, await this.handlerOf(kind)(runner.manager, ofKind));
        await runner.query('RELEASE SAVEPOINT timers_batch');
        return { failures: new Map(), busy };
      } catch {
        // Someone's handler failed: undo the batch's effects, then find out whose, one by one.
        await runner.query('ROLLBACK TO SAVEPOINT timers_batch');
        busy.clear();
      }
    }
    const failures = new Map<Claimed, string>();
    for (const timer of timers) {
      await runner.query('SAVEPOINT timer');
      try {
        addBusy(busy, [timer], await this.handlerOf(timer.kind)(runner.manager, [timer]));
        await runner.query('RELEASE SAVEPOINT timer');
      } catch (error) {
        await runner.query('ROLLBACK TO SAVEPOINT timer');
        failures.set(timer, error instanceof Error ? error.message : String(error));
      }
    }
    return { failures, busy };
  }

  private handlerOf(kind: string): TimerBatchHandler {
    const handler = this.handlers.get(kind);
    if (!handler) throw new Error(`no handler for timer kind ${kind}`);
    return handler;
  }

  /** Removes fired timers, unless a handler set its own timer again (its revision moved on). */
  private async remove(runner: QueryRunner, fired: readonly Claimed[]): Promise<void> {
    if (fired.length === 0) return;
    await runner.query(
      `DELETE FROM ${this.table('timers')} t
       USING unnest($1::text[], $2::text[], $3::text[], $4::int[]) AS f(tenant_id, kind, key, revision)
       WHERE t.tenant_id = f.tenant_id AND t.kind = f.kind AND t.key = f.key AND t.revision = f.revision`,
      [...refColumns(fired), fired.map((t) => t.revision)],
    );
  }

  /** Busy timers stay set, claimable again in BUSY_RETRY_MS, with no try counted. */
  private async putOff(runner: QueryRunner, busy: ReadonlySet<Claimed>): Promise<void> {
    if (busy.size === 0) return;
    const timers = [...busy];
    await runner.query(
      `UPDATE ${this.table('timers')} t SET fire_at = now() + $5::float8 * interval '1 millisecond'
       FROM unnest($1::text[], $2::text[], $3::text[], $4::int[]) AS f(tenant_id, kind, key, revision)
       WHERE t.tenant_id = f.tenant_id AND t.kind = f.kind AND t.key = f.key AND t.revision = f.revision`,
      [...refColumns(timers), timers.map((t) => t.revision), BUSY_RETRY_MS],
    );
  }

  /** Pushes failed timers back by their backoff, or parks those whose tries are spent. */
  private async settleFailures(runner: QueryRunner, failures: ReadonlyMap<Claimed, string>): Promise<void> {
    if (failures.size === 0) return;
    const retries: (Claimed & { reason: string; delayMs: number })[] = [];
    const toPark: (Claimed & { reason: string })[] = [];
    for (const [timer, reason] of failures) {
      timersMetrics.failed.inc({ kind: timer.kind });
      const next = afterFailure(timer.attempt, this.backoff);
      if (next.park) toPark.push({ ...timer, reason });
      else retries.push({ ...timer, reason, delayMs: next.delayMs });
    }
    if (retries.length > 0) {
      await runner.query(
        `UPDATE ${this.table('timers')} t
         SET attempts = t.attempts + 1, last_error = f.reason, fire_at = now() + f.delay_ms * interval '1 millisecond'
         FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::float8[]) AS f(tenant_id, kind, key, revision, reason, delay_ms)
         WHERE t.tenant_id = f.tenant_id AND t.kind = f.kind AND t.key = f.key AND t.revision = f.revision`,
        [...refColumns(retries), retries.map((t) => t.revision), retries.map((t) => t.reason), retries.map((t) => t.delayMs)],
      );
      for (const t of retries) this.logger.warn(`timer ${describeRef(t)} failed on try ${t.attempt}, retrying in ${t.delayMs} ms: ${t.reason}`);
    }
    const sql: SqlRunner = (text, params) => runner.query(text, params);
    const parked = await this.parked.park(sql, toPark);
    this.parkedCount += parked;
    for (const t of toPark) {
      timersMetrics.parked.inc({ kind: t.kind });
      this.logger.error(`timer ${describeRef(t)} parked after ${t.attempt} tries, other timers fire on: ${t.reason}`);
    }
  }

  /** After a drain: set the alarm for the next timer due, so it fires on time, not at the next poll. */
  private async lookAhead(): Promise<void> {
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0) return;
    const [row] = await this.dataSource.query(
      `SELECT (extract(epoch FROM min(fire_at)) * 1000)::float8 AS next_ms, (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS now_ms
       FROM ${this.table('timers')} WHERE kind = ANY($1::text[])`,
      [kinds],
    );
    this.clockOffsetMs = Number(row.now_ms) - Date.now();
    if (row.next_ms === null) return;
    // Due already, yet not claimed: another replica holds it (or it fell due just now). Look again soon.
    const inMs = Math.max(RECHECK_MS, Number(row.next_ms) - Number(row.now_ms));
    this.alarm.offer(Date.now() + inMs);
  }

  /** A timer was set to fall due soon: wake now, or set the alarm if it is sooner than the one we know of. */
  private notified(payload: string | undefined): void {
    const due = dueTimeOf(payload);
    const at = due === undefined ? Date.now() : due - this.clockOffsetMs;
    if (at <= Date.now()) this.poller.wake();
    else this.alarm.offer(at);
  }

  private async measure(): Promise<void> {
    const [row] = await this.dataSource.query(
      `SELECT coalesce(extract(epoch FROM now() - min(fire_at)), 0)::float8 AS overdue
       FROM ${this.table('timers')} WHERE fire_at <= now()`,
    );
    timersMetrics.overdueSeconds.set(Math.max(0, Number(row.overdue)));
    this.parkedCount = await this.parked.count((text, params) => this.dataSource.query(text, params));
    timersMetrics.parkedRows.set(this.parkedCount);
  }

  private table(name: string): string {
    return `"${this.options.schema}".${name}`;
  }
}

/** Adds the timers of `ofKind` that the handler's outcome names busy. */
function addBusy(busy: Set<Claimed>, ofKind: readonly Claimed[], outcome: void | TimerBatchOutcome): void {
  if (!outcome?.busy?.length) return;
  const keys = new Set(outcome.busy.map(refKey));
  for (const timer of ofKind) if (keys.has(refKey(timer))) busy.add(timer);
}

const refKey = (ref: TimerRef) => JSON.stringify([ref.tenantId, ref.kind, ref.key]);

/** The batch's timers by kind, each kind's in claim (due) order. */
function byKind<T extends FiredTimer>(timers: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const timer of timers) {
    const group = groups.get(timer.kind);
    if (group) group.push(timer);
    else groups.set(timer.kind, [timer]);
  }
  return groups;
}
