/**
 * A contact's answer clock (manual 2.1: a waiting customer is answered within the tenant's answer
 * time, 30 s by default). Two clocks (DESIGN decision 12): whether the answer was in time is judged
 * from event times (queued, answered, …); the deadline of a contact still waiting goes off on the
 * wall clock, by a durable timer. Plain rules: callers load the clock, apply a fact with `now`
 * from an injected clock, then store the result and carry out its effects in one transaction.
 * A tenant may opt in to warnings (`warnPoints`, fractions of the answer time): each is a durable
 * timer of its own, and none is set, stored or cancelled for a clock without them (ADR 7).
 */

/** What ends the wait: an answer, the customer giving up, or the contact leaving the queue (transferred, ended). */
export type StopKind = 'answered' | 'abandoned' | 'exited';

export type ClockState = 'waiting' | StopKind;

/** What every verdict records of the standard it applied (DESIGN decision 11). */
export interface AppliedAnswerStandard {
  standardId: string;
  standardVersion: string;
  clause: string;
}

/** The tenant's answer standard in force when the contact was queued. */
export interface AnswerStandard extends AppliedAnswerStandard {
  seconds: number;
}

export interface AnswerClock {
  tenantId: string;
  contactId: string;
  /** Null until `contact.queued` arrives (an answer may come first). */
  queuedAt: Date | null;
  dueAt: Date | null;
  standard: AppliedAnswerStandard | null;
  /** The verdict was not made live: the deadline had passed before the contact reached us, or its timer fired late. */
  late: boolean;
  /** The earliest stop by event time; a later one changes nothing. */
  stoppedBy: StopKind | null;
  stoppedAt: Date | null;
  /** When `sla.breached` was published (wall clock). */
  breachedAt: Date | null;
  /** When the breach was withdrawn by an earlier stop that arrived after it. */
  withdrawnAt: Date | null;
  /** Fractions of the answer time to publish `sla.warned` at, ascending, as the tenant set them when queued; empty: none (the default). */
  warnPoints: readonly number[];
  /** The last warn point published (they fire in order); null: none yet. */
  warnedPoint: number | null;
}

export type ClockEffect =
  | { kind: 'set-timer'; dueAt: Date }
  | { kind: 'cancel-timer' }
  | { kind: 'publish-breach' }
  | { kind: 'publish-withdrawal'; reason: string }
  | { kind: 'set-warn-timer'; point: number; dueAt: Date }
  | { kind: 'cancel-warn-timer'; point: number }
  /** `late`: its timer fired late (fell due while dispatch was down); said on the event only. */
  | { kind: 'publish-warning'; point: number; late: boolean };

export interface ClockOutcome {
  clock: AnswerClock;
  /** False when the fact changed nothing (a duplicate, a stop after an earlier one): nothing to store. */
  changed: boolean;
  effects: ClockEffect[];
}

const STOPS: Readonly<Record<string, StopKind>> = {
  'contact.answered': 'answered',
  'contact.abandoned': 'abandoned',
  // Before an answer, a transfer or an end takes the contact out of the queue; after one, it is later
  // than the answer and so changes nothing.
  'contact.transferred': 'exited',
  'contact.ended': 'exited',
};

/** The stop a contact event means, if any. */
export function stopKindOf(eventType: string): StopKind | undefined {
  return STOPS[eventType];
}

export function stateOf(clock: AnswerClock): ClockState {
  return clock.stoppedBy ?? 'waiting';
}

/** A breach stands when it was published and not withdrawn. */
export function isBreached(clock: AnswerClock): boolean {
  return clock.breachedAt !== null && clock.withdrawnAt === null;
}

function emptyClock(tenantId: string, contactId: string): AnswerClock {
  return {
    tenantId,
    contactId,
    queuedAt: null,
    dueAt: null,
    standard: null,
    late: false,
    stoppedBy: null,
    stoppedAt: null,
    breachedAt: null,
    withdrawnAt: null,
    warnPoints: [],
    warnedPoint: null,
  };
}

const unchanged = (clock: AnswerClock): ClockOutcome => ({ clock, changed: false, effects: [] });

/** By event times: the wait ended after the deadline (answered exactly at the deadline is in time). */
function stoppedLate(clock: AnswerClock): boolean {
  return clock.dueAt !== null && clock.stoppedAt !== null && clock.stoppedAt.getTime() > clock.dueAt.getTime();
}

/** When a started clock reaches `point` (a fraction of its answer time), by the event times it was started from. */
export function warnDueAt(clock: AnswerClock, point: number): Date {
  if (clock.queuedAt === null || clock.dueAt === null) throw new Error(`contact ${clock.contactId}: no warn point before its clock started`);
  const start = clock.queuedAt.getTime();
  return new Date(start + Math.round((clock.dueAt.getTime() - start) * point));
}

/**
 * `contact.queued` at `at`: starts the clock from the standard in force then, with the tenant's
 * warn points then (none unless it opted in). The first queued starts it; another (a platform
 * re-sending it under a new id) changes nothing. A stop that came first, or a deadline already past
 * on arrival (late), is judged at once from event times, never by a timer, and never warns.
 */
export function queue(
  existing: AnswerClock | undefined,
  fact: { tenantId: string; contactId: string; at: Date; standard: AnswerStandard; warnPoints?: readonly number[] },
  now: Date,
): ClockOutcome {
  const clock = existing ?? emptyClock(fact.tenantId, fact.contactId);
  if (clock.queuedAt !== null) return unchanged(clock);
  const { seconds, ...applied } = fact.standard;
  const dueAt = new Date(fact.at.getTime() + seconds * 1000);
  const started: AnswerClock = { ...clock, queuedAt: fact.at, dueAt, standard: applied, late: dueAt.getTime() <= now.getTime() };
  if (started.stoppedBy !== null) return judgedAtOnce(started, now);
  if (started.late) return { clock: { ...started, breachedAt: now }, changed: true, effects: [{ kind: 'publish-breach' }] };
  const warning: AnswerClock = { ...started, warnPoints: [...(fact.warnPoints ?? [])] };
  // A point already past on arrival still warns at once: the customer is waiting, the deadline is not.
  const warnTimers = warning.warnPoints.map((point): ClockEffect => ({ kind: 'set-warn-timer', point, dueAt: warnDueAt(warning, point) }));
  return { clock: warning, changed: true, effects: [{ kind: 'set-timer', dueAt }, ...warnTimers] };
}

/** The warn points whose `sla.warned` was published (they are published in order). */
export function warnedPoints(clock: AnswerClock): number[] {
  const last = clock.warnedPoint;
  return last === null ? [] : clock.warnPoints.filter((point) => point <= last);
}

/** The warn points of a waiting clock not published yet: their timers are still set. */
function pendingWarnPoints(clock: AnswerClock): number[] {
  const warned = new Set(warnedPoints(clock));
  return clock.warnPoints.filter((point) => !warned.has(point));
}

function judgedAtOnce(clock: AnswerClock, now: Date): ClockOutcome {
  if (stoppedLate(clock)) return { clock: { ...clock, breachedAt: now }, changed: true, effects: [{ kind: 'publish-breach' }] };
  return { clock, changed: true, effects: [] };
}

/**
 * A stop (answered, abandoned, exited) at `at`. The earliest stop by event time counts: one that
 * arrives after a later stop replaces it, and may withdraw a breach published meanwhile.
 */
export function stop(
  existing: AnswerClock | undefined,
  fact: { tenantId: string; contactId: string; kind: StopKind; at: Date },
  now: Date,
): ClockOutcome {
  const clock = existing ?? emptyClock(fact.tenantId, fact.contactId);
  if (clock.stoppedAt !== null && clock.stoppedAt.getTime() <= fact.at.getTime()) return unchanged(clock);
  const wasWaiting = clock.queuedAt !== null && clock.stoppedBy === null;
  const stopped: AnswerClock = { ...clock, stoppedBy: fact.kind, stoppedAt: fact.at };
  const effects: ClockEffect[] = wasWaiting && clock.breachedAt === null ? [{ kind: 'cancel-timer' }] : [];
  // Warnings still to come are not: the customer stopped waiting (the deadline's timer fires after them all).
  if (wasWaiting && clock.breachedAt === null) effects.push(...pendingWarnPoints(clock).map((point): ClockEffect => ({ kind: 'cancel-warn-timer', point })));
  if (stopped.queuedAt === null) return { clock: stopped, changed: true, effects };

  if (!stoppedLate(stopped)) {
    if (!isBreached(stopped)) return { clock: stopped, changed: true, effects };
    const reason = `${fact.kind} at ${fact.at.toISOString()}, before the deadline ${stopped.dueAt?.toISOString()}`;
    return { clock: { ...stopped, withdrawnAt: now }, changed: true, effects: [...effects, { kind: 'publish-withdrawal', reason }] };
  }
  if (stopped.breachedAt !== null) return { clock: stopped, changed: true, effects };
  return { clock: { ...stopped, breachedAt: now }, changed: true, effects: [...effects, { kind: 'publish-breach' }] };
}

/**
 * The deadline's timer went off (wall clock). A contact still waiting has breached: published live,
 * or flagged late when the timer fired late (it fell due while dispatch was down). Anything else —
 * a stop that raced the timer, a breach already published — makes it a no-op.
 */
export function deadlinePassed(existing: AnswerClock, timer: { late: boolean }, now: Date): ClockOutcome {
  if (existing.queuedAt === null || existing.stoppedBy !== null || existing.breachedAt !== null) return unchanged(existing);
  return {
    clock: { ...existing, breachedAt: now, late: existing.late || timer.late },
    changed: true,
    effects: [{ kind: 'publish-breach' }],
  };
}

/**
 * A warn point's timer went off (wall clock). Warns only a customer still waiting, with no breach
 * yet and the deadline not yet past (a warning after it says nothing the breach does not), once per
 * point and in order: a point at or before one already published (a redelivered or raced timer) is a
 * no-op. A late clock never gets here (it sets no warn timers).
 */
export function warnPointReached(existing: AnswerClock, timer: { point: number; late: boolean }, now: Date): ClockOutcome {
  const waiting = existing.queuedAt !== null && existing.dueAt !== null && existing.stoppedBy === null && existing.breachedAt === null;
  if (!waiting || existing.late || !existing.warnPoints.includes(timer.point)) return unchanged(existing);
  if (existing.warnedPoint !== null && timer.point <= existing.warnedPoint) return unchanged(existing);
  if (now.getTime() >= (existing.dueAt as Date).getTime()) return unchanged(existing);
  return { clock: { ...existing, warnedPoint: timer.point }, changed: true, effects: [{ kind: 'publish-warning', point: timer.point, late: timer.late }] };
}
