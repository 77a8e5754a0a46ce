import {
  slaTimeline,
  verdictChanges,
  type ClockStatus,
  type SlaClock,
  type SlaKind,
  type SlaStandardRef,
  type SlaTimelineEntry,
  type SlaVerdict,
} from '../../sla/domain';

/**
 * A verdict judged more than this after its instant is flagged `late` (the durable timers' own
 * threshold): dispatch was down when it fell due, or the events that decided it arrived late.
 */
export const LATE_AFTER_MS = 5_000;

/** A warning, breach or stop to publish now, and whether it comes too late to be paged as live. */
export interface VerdictToPublish {
  verdict: SlaVerdict;
  late: boolean;
  /** A stop: the time its run counted (business time, pauses left out), for `sla.stopped`. */
  countedMs?: number;
}

/** The deadline a running clock is heading for, with the standard that sets it. */
export interface OpenDeadline {
  policyId: string;
  slaKind: SlaKind;
  dueAt: Date;
  standard: SlaStandardRef;
}

/** Everything the wiring does after a clock got a new input or its timer went off. */
export interface ClockStep {
  /** New warnings, breaches and stops, each published once (a stop's verdict says whether it came in time). */
  publish: VerdictToPublish[];
  /** Warnings and breaches published earlier that a late input took back. */
  withdraw: SlaVerdict[];
  /** What stands published once this step is carried out (to store for the next step). */
  published: SlaVerdict[];
  status: ClockStatus;
  /** When to look at the clock again: its next warn point or its due time; none unless running. */
  nextAt?: Date;
  openDeadline?: OpenDeadline;
  /** A breach of this clock stands (published, not withdrawn), in this run or an earlier one. */
  breached: boolean;
  timeline: SlaTimelineEntry[];
}

/**
 * What a clock comes to at `now` given what was already published for it: publish-once verdicts
 * (warnings, breaches and the stop, so reports see what was met), withdrawals, and the next instant to wake at.
 * `firedLate`: the timer that asked fired late (it fell due while dispatch was down).
 */
export function stepClock(clock: SlaClock, published: readonly SlaVerdict[], now: Date, { firedLate = false } = {}): ClockStep {
  const changes = verdictChanges(clock, published, now);
  const news = changes.publish;
  const withdrawn = new Set(changes.withdraw.map((verdict) => verdict.key));
  const standing = [...published.filter((verdict) => !withdrawn.has(verdict.key)), ...news];
  const status = clock.status();
  const policy = clock.policy();
  const due = clock.due();
  return {
    publish: news.map((verdict) => ({
      verdict,
      late: firedLate || now.getTime() - verdict.at.getTime() > LATE_AFTER_MS,
      ...(verdict.kind === 'stopped' && { countedMs: clock.elapsed(verdict.at) }),
    })),
    withdraw: changes.withdraw,
    published: standing,
    status,
    ...(status === 'running' && { nextAt: nextInstant(clock, now) }),
    ...(due && {
      openDeadline: {
        policyId: policy.id,
        slaKind: policy.slaKind,
        dueAt: due.at,
        standard: due.by === 'ceiling' && policy.ceiling ? policy.ceiling.standard : policy.standard,
      },
    }),
    breached: standing.some((verdict) => verdict.kind === 'breached'),
    timeline: slaTimeline(clock, now),
  };
}

/** The earliest warn point or due time after `now`; those at or before it are judged already. */
function nextInstant(clock: SlaClock, now: Date): Date | undefined {
  const instants = [...clock.policy().warnPoints.map((point) => clock.warnAt(point)), clock.dueAt()];
  const ahead = instants.filter((at): at is Date => at !== undefined && at.getTime() > now.getTime());
  return ahead.length === 0 ? undefined : new Date(Math.min(...ahead.map((at) => at.getTime())));
}
