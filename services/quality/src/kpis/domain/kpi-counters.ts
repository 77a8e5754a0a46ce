/**
 * The additive counters KPIs are computed from: each contact adds its own, each bucket and group
 * holds their sums, so a change to one contact adjusts the sums by its difference (no rescans).
 * Durations are whole milliseconds, so sums stay exact whatever order they are added in.
 */
export const COUNTER_NAMES = [
  /** Every contact, offered or not (outbound, short abandons): the base of the complaint rate. */
  'contacts',
  'offered',
  'answered',
  /** Answered with a known wait (the platform's, or from event times): the base of the average speed of answer. */
  'answeredTimed',
  'answeredInTarget',
  'answerWaitMs',
  'abandoned',
  'shortAbandoned',
  /** Answered and ended with a handle time. */
  'handled',
  'handleMs',
  'afterContactWorked',
  'afterContactWorkMs',
  'transferred',
  /** Answered, the customer known: the base of first-contact resolution. */
  'firstContactEligible',
  /** Of those, not followed by another contact of the same customer within the repeat window. */
  'resolvedAtFirstContact',
  'surveys',
  'surveyScore',
  /** Surveys scored 4 or 5 of 5. */
  'satisfied',
  'complaints',
  /** Answer deadlines breached (as dispatch judged, withdrawals applied), outage-caused ones apart. */
  'breached',
  'outageBreached',
  /** Resolved cases whose follow-up call (manual ch. 2) is settled: done, in time or late, or overdue. Not contacts. */
  'followUps',
  /** Of those, done within the follow-up deadline (a withdrawn breach was in time). */
  'followUpsMet',
  /** Settled case deadlines (response, repair, resolution, record, follow-up, complaint reply), each clock run once. Not contacts. */
  'caseDeadlines',
  /** Of those, breached (withdrawals applied), outage-caused ones included. */
  'caseDeadlinesBreached',
  /** Of the breached, those of cases in a declared major outage. */
  'caseDeadlinesBreachedByOutage',
] as const;

export type CounterName = (typeof COUNTER_NAMES)[number];

export type KpiCounters = Record<CounterName, number>;

export function emptyCounters(): KpiCounters {
  return Object.fromEntries(COUNTER_NAMES.map((name) => [name, 0])) as KpiCounters;
}

/** `into += sign × counters`, in place. A counter missing counts 0 (a contact counted before that counter existed). */
export function addCounters(into: KpiCounters, counters: Partial<KpiCounters>, sign: 1 | -1 = 1): void {
  for (const name of COUNTER_NAMES) into[name] += sign * (counters[name] ?? 0);
}

export function isZero(counters: KpiCounters): boolean {
  return COUNTER_NAMES.every((name) => counters[name] === 0);
}
