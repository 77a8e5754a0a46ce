import type { EventDataInput } from '@hotline/contracts';
import type { AnswerClock } from './domain/answer-clock';

/** The durable timer kind of an answer deadline, keyed by contact id. */
export const ANSWER_TIMER_KIND = 'sla.answer';

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

export function withdrawnData(clock: AnswerClock, reason: string): EventDataInput<'sla.withdrawn'> {
  return { ...verdictOf(clock), withdraws: 'sla.breached', reason };
}
