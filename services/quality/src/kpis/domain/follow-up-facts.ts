import { UNKNOWN_GROUP, type ContactKpis } from './contact-kpis';
import { emptyCounters } from './kpi-counters';

/**
 * What quality knows of one resolved case's follow-up (MANUAL ch. 2: call back after resolution),
 * merged from dispatch's `follow_up` clock verdicts and the case's assignments in whatever order and
 * however often they arrive. A clock run is named by its `startedAt` (the resolution): a later run
 * (the case was reopened and resolved again) replaces an earlier one, whose events then change
 * nothing. Within a run a stop is final and a withdrawn breach stays withdrawn; of two events saying
 * the same thing the smaller event id counts, so any permutation gives the same facts.
 */

export interface FollowUpRun {
  /** epoch ms: when the case was resolved and the follow-up clock started. */
  startedAt: number;
  /** The standards version the deadline came from (the stop's, which names the policy's own standard). */
  standardVersion: string;
  breachedBy: string | null;
  withdrawnBy: string | null;
  stop: { eventId: string; outcome: 'met' | 'breached' } | null;
}

/** One `case.assigned`: who (and which queue) held the case from `at`. */
export interface CaseAssignment {
  eventId: string;
  at: number;
  agentId?: string;
  queue?: string;
}

export interface FollowUpFacts {
  run: FollowUpRun | null;
  /** By time then event id; the latest `MAX_ASSIGNMENTS` only. */
  assignments: CaseAssignment[];
}

/** One thing an event says about a case's follow-up. */
export type FollowUpFact =
  | { kind: 'verdict'; type: 'sla.breached' | 'sla.stopped' | 'sla.withdrawn'; eventId: string; startedAt: number; standardVersion: string; outcome?: 'met' | 'breached' }
  | ({ kind: 'assigned' } & CaseAssignment);

/** Enough for any real case; a case reassigned endlessly stops growing its row here. */
export const MAX_ASSIGNMENTS = 50;

export function emptyFollowUpFacts(): FollowUpFacts {
  return { run: null, assignments: [] };
}

const earlier = (a: string | null, b: string): string => (a === null || b < a ? b : a);

function mergeVerdict(held: FollowUpRun | null, fact: Extract<FollowUpFact, { kind: 'verdict' }>): FollowUpRun {
  if (held !== null && fact.startedAt < held.startedAt) return held;
  const run: FollowUpRun =
    held === null || fact.startedAt > held.startedAt
      ? { startedAt: fact.startedAt, standardVersion: fact.standardVersion, breachedBy: null, withdrawnBy: null, stop: null }
      : { ...held };
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
export function mergeFollowUpFact(facts: FollowUpFacts, fact: FollowUpFact): FollowUpFacts {
  if (fact.kind === 'verdict') return { ...facts, run: mergeVerdict(facts.run, fact) };
  if (facts.assignments.some((a) => a.eventId === fact.eventId)) return facts;
  const { kind: _, ...assignment } = fact;
  const assignments = [...facts.assignments, assignment]
    .sort((a, b) => a.at - b.at || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0))
    .slice(-MAX_ASSIGNMENTS);
  return { ...facts, assignments };
}

/** Met or breached once settled; undefined while the clock runs in time. A withdrawn breach was in time. */
export function followUpOutcome(run: FollowUpRun): 'met' | 'breached' | undefined {
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
 * What a case counts for in the KPIs once its follow-up is settled: one follow-up due, met or not,
 * in the buckets of its resolution, for the agent (and queue) holding the case when it was resolved.
 * Case events name no team, so follow-ups are under the "(unknown)" team. Null while unsettled.
 */
export function followUpKpis(facts: FollowUpFacts): ContactKpis | null {
  const { run } = facts;
  const outcome = run === null ? undefined : followUpOutcome(run);
  if (run === null || outcome === undefined) return null;
  const counters = emptyCounters();
  counters.followUps = 1;
  counters.followUpsMet = outcome === 'met' ? 1 : 0;
  return {
    at: run.startedAt,
    queue: heldAt(facts.assignments, run.startedAt, (a) => a.queue),
    team: UNKNOWN_GROUP,
    agent: heldAt(facts.assignments, run.startedAt, (a) => a.agentId),
    standardVersion: run.standardVersion,
    counters,
  };
}
