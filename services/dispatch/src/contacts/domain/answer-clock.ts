/**
 * A contact's answer clock (manual 2.1: a waiting customer is answered within the tenant's answer
 * time, 30 s by default). Two clocks (DESIGN decision 12): whether the answer was in time is judged
 * from event times (queued, answered, …); the deadline of a contact still waiting goes off on the
 * wall clock, by a durable timer. Plain rules: callers load the clock, apply a fact with `now`
 * from an injected clock, then store the result and carry out its effects in one transaction.
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
}

export type ClockEffect =
  | { kind: 'set-timer'; dueAt: Date }
  | { kind: 'cancel-timer' }
  | { kind: 'publish-breach' }
  | { kind: 'publish-withdrawal'; reason: string };

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
  };
}

const unchanged = (clock: AnswerClock): ClockOutcome => ({ clock, changed: false, effects: [] });

/** By event times: the wait ended after the deadline (answered exactly at the deadline is in time). */
function stoppedLate(clock: AnswerClock): boolean {
  return clock.dueAt !== null && clock.stoppedAt !== null && clock.stoppedAt.getTime() > clock.dueAt.getTime();
}

/**
 * `contact.queued` at `at`: starts the clock from the standard in force then. The first queued
 * starts it; another (a platform re-sending it under a new id) changes nothing. A stop that came
 * first, or a deadline already past on arrival, is judged at once from event times, never by a timer.
 */
export function queue(
  existing: AnswerClock | undefined,
  fact: { tenantId: string; contactId: string; at: Date; standard: AnswerStandard },
  now: Date,
): ClockOutcome {
  const clock = existing ?? emptyClock(fact.tenantId, fact.contactId);
  if (clock.queuedAt !== null) return unchanged(clock);
  const { seconds, ...applied } = fact.standard;
  const dueAt = new Date(fact.at.getTime() + seconds * 1000);
  const started: AnswerClock = { ...clock, queuedAt: fact.at, dueAt, standard: applied, late: dueAt.getTime() <= now.getTime() };
  if (started.stoppedBy !== null) return judgedAtOnce(started, now);
  if (started.late) return { clock: { ...started, breachedAt: now }, changed: true, effects: [{ kind: 'publish-breach' }] };
  return { clock: started, changed: true, effects: [{ kind: 'set-timer', dueAt }] };
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
