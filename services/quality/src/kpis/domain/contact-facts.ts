/**
 * What quality knows of one contact, merged from its events in whatever order and however often
 * they arrive. Every merge is order-free: of two events saying the same thing, the earliest by
 * event time (then the smaller event id) counts — the latest for a survey, which a customer may
 * redo — so any permutation of a contact's events gives the same facts. Times are epoch ms,
 * durations whole milliseconds (exact sums in the aggregates).
 */

/** Which event stated a fact, and when it happened. */
export interface Stamp {
  at: number;
  eventId: string;
}

export interface QueuedFact extends Stamp {
  queue: string;
  direction: 'inbound' | 'outbound';
  /** Who called, when the platform says: a repeat contact within the window is no first-contact resolution. */
  customerId?: string;
  /** Where the customer is, when the platform says: compliance is reported per region. */
  region?: string;
}

export interface AnsweredFact extends Stamp {
  agentId: string;
  team?: string;
  queue?: string;
  waitMs?: number;
}

export interface AbandonedFact extends Stamp {
  queue?: string;
  waitMs?: number;
}

/** Its end: when the conversation ended (a wrap-up, a hang-up), so talk runs from the answer to here. */
export interface EndedFact extends Stamp {
  queue?: string;
  agentId?: string;
  team?: string;
  /** The platform's handle time: its total, or talk, hold and after-contact work as it gave them. */
  handleMs?: number;
  /** Talk and hold the platform gave without after-contact work or a total: the completion's work is added to them. */
  talkHoldMs?: number;
  afterContactWorkMs?: number;
  /** Left the queue unanswered this way (callback_requested, voicemail, …): it waited, so it was offered. */
  queueOutcome?: string;
}

/** The end of its after-contact work (`contact.completed`). */
export interface CompletedFact extends Stamp {
  queue?: string;
  agentId?: string;
  team?: string;
  /** As the platform measured it; else it is the time from the end to this. */
  afterContactWorkMs?: number;
}

export interface SurveyFact extends Stamp {
  score: number;
}

export interface BreachFact extends Stamp {
  causedByOutage: boolean;
}

export interface ContactFacts {
  /** The earliest time of any of its contact events: its time when nothing better is known. */
  firstSeenAt: number | null;
  queued: QueuedFact | null;
  answered: AnsweredFact | null;
  abandoned: AbandonedFact | null;
  ended: EndedFact | null;
  completed: CompletedFact | null;
  transferred: boolean;
  survey: SurveyFact | null;
  /** Distinct complaints filed about it (ids, sorted). */
  complaints: string[];
  /** Its answer deadline's breach, as dispatch judged it. */
  breach: BreachFact | null;
  /** Dispatch withdrew that breach (a late answer showed it was in time); a withdrawal is final. */
  breachWithdrawn: boolean;
}

/** One thing an event says about a contact. */
export type ContactFact =
  | ({ kind: 'queued' } & QueuedFact)
  | ({ kind: 'answered' } & AnsweredFact)
  | ({ kind: 'abandoned' } & AbandonedFact)
  | ({ kind: 'transferred' } & Stamp)
  | ({ kind: 'ended' } & EndedFact)
  | ({ kind: 'completed' } & CompletedFact)
  | ({ kind: 'surveyed' } & SurveyFact)
  | { kind: 'complained'; complaintId: string }
  | ({ kind: 'breached' } & BreachFact)
  | { kind: 'breach-withdrawn' };

/** Enough for any real contact; a flood of complaints about one contact stops growing the row here. */
export const MAX_COMPLAINTS_PER_CONTACT = 50;

export function emptyFacts(): ContactFacts {
  return {
    firstSeenAt: null,
    queued: null,
    answered: null,
    abandoned: null,
    ended: null,
    completed: null,
    transferred: false,
    survey: null,
    complaints: [],
    breach: null,
    breachWithdrawn: false,
  };
}

function before(a: Stamp, b: Stamp): boolean {
  return a.at < b.at || (a.at === b.at && a.eventId < b.eventId);
}

function earliest<T extends Stamp>(held: T | null, next: T): T {
  return held === null || before(next, held) ? next : held;
}

function latest<T extends Stamp>(held: T | null, next: T): T {
  return held === null || before(held, next) ? next : held;
}

function withFirstSeen(facts: ContactFacts, at: number): ContactFacts {
  return { ...facts, firstSeenAt: facts.firstSeenAt === null ? at : Math.min(facts.firstSeenAt, at) };
}

/** The facts once `fact` is merged in; commutative and idempotent. */
export function mergeFact(facts: ContactFacts, fact: ContactFact): ContactFacts {
  switch (fact.kind) {
    case 'queued': {
      const { kind: _, ...queued } = fact;
      return { ...withFirstSeen(facts, fact.at), queued: earliest(facts.queued, queued) };
    }
    case 'answered': {
      const { kind: _, ...answered } = fact;
      return { ...withFirstSeen(facts, fact.at), answered: earliest(facts.answered, answered) };
    }
    case 'abandoned': {
      const { kind: _, ...abandoned } = fact;
      return { ...withFirstSeen(facts, fact.at), abandoned: earliest(facts.abandoned, abandoned) };
    }
    case 'transferred':
      return { ...withFirstSeen(facts, fact.at), transferred: true };
    case 'ended': {
      const { kind: _, ...ended } = fact;
      return { ...withFirstSeen(facts, fact.at), ended: earliest(facts.ended, ended) };
    }
    case 'completed': {
      const { kind: _, ...completed } = fact;
      return { ...withFirstSeen(facts, fact.at), completed: earliest(facts.completed, completed) };
    }
    case 'surveyed': {
      const { kind: _, ...survey } = fact;
      return { ...facts, survey: latest(facts.survey, survey) };
    }
    case 'complained': {
      if (facts.complaints.includes(fact.complaintId)) return facts;
      const complaints = [...facts.complaints, fact.complaintId].sort().slice(0, MAX_COMPLAINTS_PER_CONTACT);
      return { ...facts, complaints };
    }
    case 'breached': {
      const { kind: _, ...breach } = fact;
      return { ...facts, breach: earliest(facts.breach, breach) };
    }
    case 'breach-withdrawn':
      return { ...facts, breachWithdrawn: true };
  }
}
