/**
 * One deadline of one subject (a case's response, repair, record, follow-up or complaint clock) as
 * quality knows it from dispatch's `sla.breached`, `sla.stopped` and `sla.withdrawn`, merged in
 * whatever order and however often they arrive. A clock run is named by its `startedAt`: a later
 * run (the clock was reset) replaces an earlier one, an earlier run's events change nothing. Within
 * a run the merge is order-free and idempotent: a stop is final, a withdrawn breach stays withdrawn.
 */

export type Outcome = 'met' | 'breached';

/** What a verdict event says, reduced to what compliance needs. */
export interface VerdictEvent {
  eventId: string;
  type: 'sla.breached' | 'sla.stopped' | 'sla.withdrawn';
  subjectType: string;
  subjectId: string;
  slaKind: string;
  /** epoch ms */
  startedAt: number;
  standardId: string;
  standardVersion: string;
  clause?: string;
  region?: string;
  causedByOutage?: boolean;
  /** sla.stopped only */
  outcome?: Outcome;
  /** sla.withdrawn only: which verdict it takes back */
  withdraws?: 'sla.warned' | 'sla.breached';
}

export interface ComplianceFact {
  subjectType: string;
  subjectId: string;
  slaKind: string;
  startedAt: number;
  standardId: string;
  standardVersion: string;
  clause: string | null;
  region: string | null;
  breach: { eventId: string; causedByOutage: boolean } | null;
  withdrawnBy: string | null;
  stop: { eventId: string; outcome: Outcome } | null;
  /** Every event behind the current run's verdict, sorted. */
  eventIds: string[];
}

/** What the fact comes to: undefined while nothing is settled (the clock runs, in time so far). */
export function outcomeOf(fact: ComplianceFact): Outcome | undefined {
  const breachStands = fact.breach !== null && fact.withdrawnBy === null;
  if (fact.stop) return fact.stop.outcome === 'breached' && fact.withdrawnBy === null ? 'breached' : 'met';
  return breachStands ? 'breached' : undefined;
}

/** A breach the network caused (the subject belonged to a declared outage), reported apart. */
export function causedByOutage(fact: ComplianceFact): boolean {
  return outcomeOf(fact) === 'breached' && fact.breach?.causedByOutage === true;
}

function fresh(event: VerdictEvent): ComplianceFact {
  return {
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    slaKind: event.slaKind,
    startedAt: event.startedAt,
    standardId: event.standardId,
    standardVersion: event.standardVersion,
    clause: event.clause ?? null,
    region: event.region ?? null,
    breach: null,
    withdrawnBy: null,
    stop: null,
    eventIds: [],
  };
}

/**
 * Whether an event bears on compliance: a case deadline's breach, stop or withdrawn breach. Answer
 * clocks are left out: the answer standard is counted from the KPIs' contact facts. Warnings (and
 * their withdrawals) are no verdicts.
 */
export function isComplianceVerdict(event: Pick<VerdictEvent, 'type' | 'slaKind' | 'subjectType' | 'withdraws'>): boolean {
  if (event.slaKind === 'answer' || event.subjectType === 'contact') return false;
  return event.type !== 'sla.withdrawn' || event.withdraws === 'sla.breached';
}

/** The fact once `event` (one `isComplianceVerdict` accepts) is merged in; commutative and idempotent. */
export function mergeVerdict(held: ComplianceFact | null, event: VerdictEvent): ComplianceFact {
  if (held !== null && event.startedAt < held.startedAt) return held;
  const fact = held === null || event.startedAt > held.startedAt ? fresh(event) : { ...held };
  if (fact.eventIds.includes(event.eventId)) return fact;
  fact.eventIds = [...fact.eventIds, event.eventId].sort();
  fact.region ??= event.region ?? null;
  fact.clause ??= event.clause ?? null;
  switch (event.type) {
    case 'sla.breached':
      if (fact.breach === null || event.eventId < fact.breach.eventId) fact.breach = { eventId: event.eventId, causedByOutage: event.causedByOutage === true };
      break;
    case 'sla.withdrawn':
      if (fact.withdrawnBy === null || event.eventId < fact.withdrawnBy) fact.withdrawnBy = event.eventId;
      break;
    case 'sla.stopped':
      // The stop names the policy's own standard (a breach may name the floor's ceiling): it sets the target.
      fact.standardId = event.standardId;
      fact.standardVersion = event.standardVersion;
      fact.clause = event.clause ?? fact.clause;
      if (fact.stop === null || event.eventId < fact.stop.eventId) fact.stop = { eventId: event.eventId, outcome: event.outcome ?? 'met' };
      break;
  }
  return fact;
}
