import type { EntityManager } from 'typeorm';

/** What identifies a timer: setting the same (tenant, kind, key) again moves it. */
export interface TimerRef {
  tenantId: string;
  /** What the timer is for, e.g. `sla.answer`; a handler is registered per kind. */
  kind: string;
  /** The subject within the kind, e.g. a contact id. */
  key: string;
}

export type TimerPayload = Readonly<Record<string, unknown>>;

export interface TimerSpec extends TimerRef {
  dueAt: Date;
  /** Whatever the handler needs at firing time (kept as JSON). */
  payload?: TimerPayload;
}

/** A timer as its handler sees it when it fires. */
export interface FiredTimer extends TimerRef {
  dueAt: Date;
  payload: TimerPayload;
  /** 1 on the first try; more after the handler failed. */
  attempt: number;
  /** How long after its due time it fired, on the database's clock. */
  lateByMs: number;
  /** Fired more than the runner's `lateAfterMs` after due: e.g. it fell due while the service was down. */
  late: boolean;
}

/**
 * Runs inside the transaction that removes the timer: an effect written through `manager` (rows,
 * outbox events) commits together with the timer's removal, or neither does. A timer fires at
 * least once, so the effect must be idempotent. Throwing rolls back this timer's effects only.
 */
export type TimerHandler = (manager: EntityManager, timer: FiredTimer) => Promise<void>;

/**
 * What a batch handler may answer: `busy` are timers it left alone because what they time is held
 * by another transaction right now (locked with SKIP LOCKED rather than waited for, which could
 * deadlock with a transaction that holds it and is cancelling the timer). They stay set and are
 * claimed again a moment later, with no try counted; the others count as fired.
 */
export interface TimerBatchOutcome {
  busy?: readonly TimerRef[];
}

/**
 * A handler of many due timers of its kind at once, in the claiming transaction: for a kind whose
 * timers fall due by the thousand (answer deadlines), so their effects take a few statements, not a
 * few per timer. Same contract as TimerHandler; if it throws, the runner retries each timer of the
 * batch alone (a batch of one), so one failing timer only delays itself. It may hand back timers it
 * found busy (TimerBatchOutcome) instead of failing the batch for them.
 */
export type TimerBatchHandler = (manager: EntityManager, timers: readonly FiredTimer[]) => Promise<void | TimerBatchOutcome>;
