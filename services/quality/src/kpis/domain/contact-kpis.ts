import type { ContactFacts } from './contact-facts';
import { emptyCounters, type KpiCounters } from './kpi-counters';

/**
 * What one contact counts for in the KPIs, from its facts: its time, its groups and its counters.
 *
 * Offered: a contact that waited in a queue (queued, answered, abandoned, or left the queue
 * unanswered), inbound, and not a short abandon. Short abandons (the customer hung up within the
 * threshold, 5 s by default: a misdial, or a change of mind before anyone could answer) are counted
 * apart and left out of offered and abandoned, as contact centres report service level. An answer
 * corrects an abandon (a platform's correction): an answered contact is never abandoned.
 */

/** Contacts whose queue, team or agent nobody named are grouped here. */
export const UNKNOWN_GROUP = '(unknown)';

/** What the counting depends on beside the facts: the answer standard in force at the contact's time. */
export interface CountingRules {
  answerTargetMs: number;
  standardVersion: string;
  shortAbandonMs: number;
  /** Another contact of the same customer followed within the repeat window; undefined when the customer is unknown. */
  followedByRepeat?: boolean;
}

export interface ContactKpis {
  /** The contact's time (epoch ms): when it was queued, as well as its events tell. */
  at: number;
  queue: string;
  team: string;
  agent: string;
  standardVersion: string;
  counters: KpiCounters;
}

/** The wait the platform measured, else the one event times give. */
function waitOf(facts: ContactFacts, stop: { at: number; waitMs?: number } | null): number | undefined {
  if (stop === null) return undefined;
  if (stop.waitMs !== undefined) return stop.waitMs;
  return facts.queued === null ? undefined : Math.max(0, stop.at - facts.queued.at);
}

/**
 * When the contact was queued: its `contact.queued`, else an answer's or abandon's time less its
 * wait, else its first event. A late `contact.queued` moves the contact to its own bucket.
 */
export function contactTime(facts: ContactFacts): number | null {
  if (facts.queued !== null) return facts.queued.at;
  for (const stop of [facts.answered, facts.abandoned]) {
    if (stop?.waitMs !== undefined) return stop.at - stop.waitMs;
  }
  return facts.firstSeenAt;
}

/**
 * After-contact work: as the platform measured it (on the end, else on the completion), else the
 * time from the end (the wrap-up) to the completion, whichever of the two arrived first.
 */
export function afterContactWorkOf({ ended, completed }: ContactFacts): number | undefined {
  if (ended?.afterContactWorkMs !== undefined) return ended.afterContactWorkMs;
  if (completed?.afterContactWorkMs !== undefined) return completed.afterContactWorkMs;
  return ended !== null && completed !== null ? Math.max(0, completed.at - ended.at) : undefined;
}

/**
 * Handle time of an answered contact that ended: the platform's, else talk + hold + after-contact
 * work, talk and hold from the answer to the end when the platform gave neither.
 */
export function handleTimeOf(facts: ContactFacts): number | undefined {
  const { answered, ended } = facts;
  if (answered === null || ended === null) return undefined;
  if (ended.handleMs !== undefined) return ended.handleMs;
  const talkHold = ended.talkHoldMs ?? Math.max(0, ended.at - answered.at);
  return talkHold + (afterContactWorkOf(facts) ?? 0);
}

const named = (...candidates: (string | undefined)[]): string => candidates.find((c) => c !== undefined && c.length > 0) ?? UNKNOWN_GROUP;

/** The contact's counters, or null before any of its contact events (a survey may come first). */
export function contactKpis(facts: ContactFacts, rules: CountingRules): ContactKpis | null {
  const at = contactTime(facts);
  if (at === null) return null;
  const { answered, abandoned, ended, completed } = facts;
  const counters = emptyCounters();
  counters.contacts = 1;
  const waited = facts.queued !== null || answered !== null || abandoned !== null || ended?.queueOutcome !== undefined;
  const inbound = facts.queued?.direction !== 'outbound';
  if (waited && inbound) {
    const abandonWait = answered === null ? waitOf(facts, abandoned) : undefined;
    const shortAbandon = abandoned !== null && answered === null && abandonWait !== undefined && abandonWait < rules.shortAbandonMs;
    if (shortAbandon) counters.shortAbandoned = 1;
    else {
      counters.offered = 1;
      if (answered === null && abandoned !== null) counters.abandoned = 1;
    }
    if (answered !== null) {
      counters.answered = 1;
      const wait = waitOf(facts, answered);
      if (wait !== undefined) {
        counters.answeredTimed = 1;
        counters.answerWaitMs = wait;
        if (wait <= rules.answerTargetMs) counters.answeredInTarget = 1;
      }
      if (rules.followedByRepeat !== undefined) {
        counters.firstContactEligible = 1;
        if (!rules.followedByRepeat) counters.resolvedAtFirstContact = 1;
      }
    }
    if (facts.breach !== null && !facts.breachWithdrawn) {
      if (facts.breach.causedByOutage) counters.outageBreached = 1;
      else counters.breached = 1;
    }
  }
  const handleMs = handleTimeOf(facts);
  if (handleMs !== undefined) {
    counters.handled = 1;
    counters.handleMs = handleMs;
  }
  const afterContactWorkMs = afterContactWorkOf(facts);
  if (afterContactWorkMs !== undefined) {
    counters.afterContactWorked = 1;
    counters.afterContactWorkMs = afterContactWorkMs;
  }
  if (facts.transferred) counters.transferred = 1;
  if (facts.survey !== null) {
    counters.surveys = 1;
    counters.surveyScore = facts.survey.score;
    if (facts.survey.score >= 4) counters.satisfied = 1;
  }
  counters.complaints = facts.complaints.length;
  return {
    at,
    queue: named(facts.queued?.queue, answered?.queue, abandoned?.queue, ended?.queue, completed?.queue),
    team: named(answered?.team, ended?.team, completed?.team),
    agent: named(answered?.agentId, ended?.agentId, completed?.agentId),
    standardVersion: rules.standardVersion,
    counters,
  };
}
