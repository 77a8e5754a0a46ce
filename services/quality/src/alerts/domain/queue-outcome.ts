import { emptyMinute, type MinuteCounters, minuteOf } from './window-counters';

/**
 * What the alert windows know of one contact in a queue, merged from its events in any order:
 * queued, then answered or abandoned (an answer corrects an abandon, as in the KPIs). Times are
 * event times (epoch ms).
 */
export interface QueueOutcome {
  queue: string | null;
  region: string | null;
  queuedAt: number | null;
  answeredAt: number | null;
  answerWaitMs: number | null;
  abandonedAt: number | null;
  abandonWaitMs: number | null;
}

export type OutcomeFact =
  | { kind: 'queued'; at: number; queue: string; region?: string }
  | { kind: 'answered'; at: number; queue?: string; waitMs?: number }
  | { kind: 'abandoned'; at: number; queue?: string; waitMs?: number };

export function emptyOutcome(): QueueOutcome {
  return { queue: null, region: null, queuedAt: null, answeredAt: null, answerWaitMs: null, abandonedAt: null, abandonWaitMs: null };
}

const earlier = (held: number | null, next: number): boolean => held === null || next < held;

/** Order-free and idempotent: of two events saying the same thing, the earliest counts. */
export function mergeOutcome(o: QueueOutcome, fact: OutcomeFact): QueueOutcome {
  switch (fact.kind) {
    case 'queued':
      if (!earlier(o.queuedAt, fact.at)) return o;
      return { ...o, queuedAt: fact.at, queue: fact.queue, region: fact.region ?? o.region };
    case 'answered':
      if (!earlier(o.answeredAt, fact.at)) return o;
      return { ...o, answeredAt: fact.at, answerWaitMs: fact.waitMs ?? null, queue: o.queue ?? fact.queue ?? null };
    case 'abandoned':
      if (!earlier(o.abandonedAt, fact.at)) return o;
      return { ...o, abandonedAt: fact.at, abandonWaitMs: fact.waitMs ?? null, queue: o.queue ?? fact.queue ?? null };
  }
}

/** One minute's share of a contact in its queue. */
export interface Contribution {
  minute: number;
  queue: string;
  region: string | null;
  counters: MinuteCounters;
}

export interface OutcomeRules {
  answerTargetMs: number;
  shortAbandonMs: number;
}

/**
 * What the contact adds to the windows: an arrival in its queued minute, and its outcome in the
 * minute it happened. An outcome whose queue is unknown yet (its event named none, no `queued`
 * seen: the events crossed) waits for its `queued`, so it never slips a queue it is not in; so
 * does an answer whose wait is unknown. A short abandon counts for nothing, as in the KPIs.
 */
export function contributions(o: QueueOutcome, rules: OutcomeRules): Contribution[] {
  if (o.queue === null) return [];
  const queue = o.queue;
  const out: Contribution[] = [];
  const add = (at: number, change: Partial<MinuteCounters>): void => {
    const minute = minuteOf(at);
    const held = out.find((c) => c.minute === minute);
    const counters = held?.counters ?? emptyMinute();
    for (const [k, v] of Object.entries(change) as [keyof MinuteCounters, number][]) counters[k] += v;
    if (!held) out.push({ minute, queue, region: o.region, counters });
  };
  if (o.queuedAt !== null) add(o.queuedAt, { queued: 1 });
  if (o.answeredAt !== null) {
    const wait = o.answerWaitMs ?? (o.queuedAt === null ? null : Math.max(0, o.answeredAt - o.queuedAt));
    if (wait !== null) add(o.answeredAt, { offered: 1, inTarget: wait <= rules.answerTargetMs ? 1 : 0 });
  } else if (o.abandonedAt !== null) {
    const wait = o.abandonWaitMs ?? (o.queuedAt === null ? null : Math.max(0, o.abandonedAt - o.queuedAt));
    if (wait === null || wait >= rules.shortAbandonMs) add(o.abandonedAt, { offered: 1, abandoned: 1 });
  }
  return out;
}
