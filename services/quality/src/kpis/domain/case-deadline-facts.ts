import { UNKNOWN_GROUP, type ContactKpis } from './contact-kpis';
import { emptyCounters } from './kpi-counters';

/**
 * What quality knows of one case's deadlines (response, repair, resolution, record, follow-up,
 * complaint reply: MANUAL ch. 1.3 and 2), merged from dispatch's case clock verdicts and the case's
 * assignments in whatever order and however often they arrive. Each kind of deadline has its own
 * run, named by its `startedAt`: a later run (the case was reopened and the clock started again)
 * replaces an earlier one, whose events then change nothing. Within a run a stop is final, a
 * withdrawn breach stays withdrawn and an outage-caused verdict stays outage-caused; of two events
 * saying the same thing the smaller event id counts, so any permutation gives the same facts.
 */

/** Every deadline kind (contracts' `slaKind`) but a contact's answer, in the order a case's counts are listed. */
export const CASE_DEADLINE_KINDS = ['response', 'repair', 'resolution', 'record', 'follow_up', 'complaint_reply'] as const;
export type CaseDeadlineKind = (typeof CASE_DEADLINE_KINDS)[number];

export interface DeadlineRun {
  /** epoch ms: when the clock started (for a follow-up, when the case was resolved). */
  startedAt: number;
  /** The standards version the deadline came from (the stop's, which names the policy's own standard). */
  standardVersion: string;
  breachedBy: string | null;
  withdrawnBy: string | null;
  stop: { eventId: string; outcome: 'met' | 'breached' } | null;
  /** A verdict of this run said the case belongs to a declared major outage. */
  causedByOutage?: boolean;
}

/** One `case.assigned`: who (and which queue) held the case from `at`. */
export interface CaseAssignment {
  eventId: string;
  at: number;
  agentId?: string;
  queue?: string;
}

export interface CaseDeadlineFacts {
  runs: Partial<Record<CaseDeadlineKind, DeadlineRun>>;
  /** By time then event id; the latest `MAX_ASSIGNMENTS` only. */
  assignments: CaseAssignment[];
}

/** One thing an event says about a case's deadlines. */
export type CaseFact =
  | {
      kind: 'verdict';
      type: 'sla.breached' | 'sla.stopped' | 'sla.withdrawn';
      slaKind: CaseDeadlineKind;
      eventId: string;
      startedAt: number;
      standardVersion: string;
      outcome?: 'met' | 'breached';
      causedByOutage?: true;
    }
  | ({ kind: 'assigned' } & CaseAssignment);

/** Enough for any real case; a case reassigned endlessly stops growing its row here. */
export const MAX_ASSIGNMENTS = 50;

export function emptyCaseDeadlineFacts(): CaseDeadlineFacts {
  return { runs: {}, assignments: [] };
}

/** Facts as stored; rows written when only follow-ups were kept hold `run` (the follow-up's). */
export function storedCaseDeadlineFacts(stored: { runs?: CaseDeadlineFacts['runs']; run?: DeadlineRun | null; assignments?: CaseAssignment[] } | null): CaseDeadlineFacts {
  const runs = { ...(stored?.run && { follow_up: stored.run }), ...stored?.runs };
  return { runs, assignments: stored?.assignments ?? [] };
}

const earlier = (a: string | null, b: string): string => (a === null || b < a ? b : a);

function mergeVerdict(held: DeadlineRun | undefined, fact: Extract<CaseFact, { kind: 'verdict' }>): DeadlineRun {
  if (held !== undefined && fact.startedAt < held.startedAt) return held;
  const run: DeadlineRun =
    held === undefined || fact.startedAt > held.startedAt
      ? { startedAt: fact.startedAt, standardVersion: fact.standardVersion, breachedBy: null, withdrawnBy: null, stop: null }
      : { ...held };
  if (fact.causedByOutage) run.causedByOutage = true;
  switch (fact.type) {
    case 'sla.breached':
      run.breachedBy = earlier(run.breachedBy, fact.eventId);
      break;
    case 'sla.withdrawn':
      run.withdrawnBy = earlier(run.withdrawnBy, fact.eventId);
      break;
    case 'sla.stopped':
      if (run.stop === null || fact.eventId < run.stop.eventId) {
        run.stop = { eventId: fact.eventId, outcome: fact.outcome ?? 'met' };
        run.standardVersion = fact.standardVersion;
      }
      break;
  }
  return run;
}

/** The facts once `fact` is merged in; commutative and idempotent. */
export function mergeCaseFact(facts: CaseDeadlineFacts, fact: CaseFact): CaseDeadlineFacts {
  if (fact.kind === 'verdict') return { ...facts, runs: { ...facts.runs, [fact.slaKind]: mergeVerdict(facts.runs[fact.slaKind], fact) } };
  if (facts.assignments.some((a) => a.eventId === fact.eventId)) return facts;
  const { kind: _, ...assignment } = fact;
  const assignments = [...facts.assignments, assignment]
    .sort((a, b) => a.at - b.at || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0))
    .slice(-MAX_ASSIGNMENTS);
  return { ...facts, assignments };
}

/** Met or breached once settled; undefined while the clock runs in time. A withdrawn breach was in time. */
export function deadlineOutcome(run: DeadlineRun): 'met' | 'breached' | undefined {
  const breachStands = run.breachedBy !== null && run.withdrawnBy === null;
  if (run.stop !== null) return run.stop.outcome === 'breached' && run.withdrawnBy === null ? 'breached' : 'met';
  return breachStands ? 'breached' : undefined;
}

/** The last assignment at or before `at` naming what `pick` reads. */
function heldAt(assignments: readonly CaseAssignment[], at: number, pick: (a: CaseAssignment) => string | undefined): string {
  let held: string | undefined;
  for (const assignment of assignments) if (assignment.at <= at && pick(assignment)) held = pick(assignment);
  return held ?? UNKNOWN_GROUP;
}

/**
 * What a case counts for in the KPIs: each settled deadline once, met or breached (outage-caused
 * apart), in the buckets of its clock's start, for the agent (and queue) holding the case then; a
 * follow-up also counts as one follow-up due. Case events name no team, so they are under the
 * "(unknown)" team. Deadlines still running count nothing.
 */
export function caseDeadlineKpis(facts: CaseDeadlineFacts): ContactKpis[] {
  return CASE_DEADLINE_KINDS.flatMap((kind) => {
    const run = facts.runs[kind];
    const outcome = run === undefined ? undefined : deadlineOutcome(run);
    if (run === undefined || outcome === undefined) return [];
    const counters = emptyCounters();
    counters.caseDeadlines = 1;
    counters.caseDeadlinesBreached = outcome === 'breached' ? 1 : 0;
    counters.caseDeadlinesBreachedByOutage = outcome === 'breached' && run.causedByOutage ? 1 : 0;
    if (kind === 'follow_up') {
      counters.followUps = 1;
      counters.followUpsMet = outcome === 'met' ? 1 : 0;
    }
    return [
      {
        at: run.startedAt,
        queue: heldAt(facts.assignments, run.startedAt, (a) => a.queue),
        team: UNKNOWN_GROUP,
        agent: heldAt(facts.assignments, run.startedAt, (a) => a.agentId),
        standardVersion: run.standardVersion,
        counters,
      },
    ];
  });
}

/** A case's counts as stored; rows written when only follow-ups were kept hold one count or null. */
export function storedCaseCounts(stored: ContactKpis | ContactKpis[] | null): ContactKpis[] {
  if (stored === null) return [];
  return Array.isArray(stored) ? stored : [stored];
}
