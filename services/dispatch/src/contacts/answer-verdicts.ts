import type { EventDataInput } from '@hotline/contracts';
import type { AnswerClock } from './domain/answer-clock';

/** The durable timer kind of an answer deadline, keyed by contact id. */
export const ANSWER_TIMER_KIND = 'sla.answer';

/** The durable timer kind of an answer clock's warn point (tenants that opted in), keyed `contactId@point`. */
export const ANSWER_WARN_TIMER_KIND = 'sla.answer.warn';

export const warnTimerKey = (contactId: string, point: number): string => `${contactId}@${point}`;

/** The contact and point of a warn timer's key (the contact id may itself hold `@`: the point is after the last one). */
export function parseWarnTimerKey(key: string): { contactId: string; point: number } {
  const at = key.lastIndexOf('@');
  return { contactId: key.slice(0, at), point: Number(key.slice(at + 1)) };
}

/**
 * One id per warning of a clock run (tenant and source make it unique across tenants), so a warning
 * published again — a timer re-run after a rollback, a restart, two replicas — is the same event,
 * which every consumer's inbox drops.
 */
export const warningEventId = (clock: AnswerClock, point: number): string =>
  `sla.warned:contact:${clock.contactId}:${clock.queuedAt?.getTime() ?? ''}:${point}`;

/** What `sla.breached` and `sla.withdrawn` say about an answer clock, with the standard it applied. */
function verdictOf(clock: AnswerClock) {
  if (!clock.queuedAt || !clock.dueAt || !clock.standard) throw new Error(`contact ${clock.contactId}: no verdict before its clock started`);
  return {
    subjectType: 'contact',
    subjectId: clock.contactId,
    slaKind: 'answer',
    startedAt: clock.queuedAt.toISOString(),
    deadline: clock.dueAt.toISOString(),
    standardId: clock.standard.standardId,
    standardVersion: clock.standard.standardVersion,
    clause: clock.standard.clause,
    late: clock.late,
  } as const;
}

export function breachedData(clock: AnswerClock): EventDataInput<'sla.breached'> {
  return { ...verdictOf(clock), breachedAt: (clock.breachedAt ?? new Date()).toISOString() };
}

/** `sla.warned` at `point` of the answer time: the deadline it warns of (`deadline`), and the fraction. */
export function warnedData(clock: AnswerClock, point: number, late: boolean): EventDataInput<'sla.warned'> {
  return { ...verdictOf(clock), late: clock.late || late, fraction: point };
}

export function withdrawnData(clock: AnswerClock, reason: string): EventDataInput<'sla.withdrawn'> {
  return { ...verdictOf(clock), withdraws: 'sla.breached', reason };
}
