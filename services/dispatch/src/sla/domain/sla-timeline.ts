import type { ClockChange, ClockHistoryEntry, SlaClock } from './sla-clock';
import type { SlaKind } from './sla-policy';
import { slaVerdicts, type SlaVerdict } from './sla-verdicts';

/**
 * One line of a case timeline about one clock (`GET /v1/cases/:caseId/timeline`, DESIGN "Service
 * APIs v1"): what happened to the clock, which signal did it, the standard applied, and a sentence
 * saying so. JSON-ready: instants are ISO strings.
 */
export interface SlaTimelineEntry {
  at: string;
  event: `sla.${ClockChange | 'warned' | 'breached'}`;
  policyId: string;
  slaKind: SlaKind;
  run: number;
  standardId: string;
  version: string;
  clause: string;
  /** The signal that caused a change of the clock. */
  signal?: string;
  budgetMs?: number;
  elapsedMs?: number;
  pausedMs?: number;
  /** The due time as the clock saw it then. */
  dueAt?: string;
  /** sla.stopped: whether it stopped in time. */
  inTime?: boolean;
  summary: string;
}

const VERBS: Record<ClockChange, string> = {
  started: 'started',
  paused: 'paused',
  resumed: 'resumed',
  stopped: 'stopped',
  reset: 'reset',
  rebudgeted: 'given a new budget',
};

/**
 * The clock's timeline up to `at`: every change of its state and every warning and breach, of
 * every run, in time order (a warning or breach after the change at the same instant).
 */
export function slaTimeline(clock: SlaClock, at: Date): SlaTimelineEntry[] {
  const history = clock.history(at);
  const policy = clock.policy(at);
  const verdicts = slaVerdictsOfEveryRun(clock, history, at);
  const stops = new Map(verdicts.filter((verdict) => verdict.kind === 'stopped').map((verdict) => [verdict.run, verdict]));
  const stopOf = (entry: ClockHistoryEntry) => (entry.change === 'stopped' && !entry.beforeStart ? stops.get(entry.run) : undefined);
  const changes = history.map((entry) => fromChange(entry, policy.slaKind, stopOf(entry)));
  const warningsAndBreaches = verdicts.filter((verdict) => verdict.kind !== 'stopped').map(fromVerdict);
  return [...changes, ...warningsAndBreaches].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** A run's verdicts are read just before the reset that ended it; the current run's at `at`. */
function slaVerdictsOfEveryRun(clock: SlaClock, history: readonly ClockHistoryEntry[], at: Date): SlaVerdict[] {
  const ends = history.filter((entry) => entry.change === 'reset').map((entry) => new Date(entry.at.getTime() - 1));
  return [...ends, at].flatMap((end) => slaVerdicts(clock, end));
}

function fromChange(entry: ClockHistoryEntry, slaKind: SlaKind, stop: SlaVerdict | undefined): SlaTimelineEntry {
  const cause = entry.signal ? ` by ${entry.signal}` : '';
  const spent = `${formatMs(entry.elapsedMs)} of ${formatMs(entry.budgetMs)} counted${entry.pausedMs > 0 ? `, ${formatMs(entry.pausedMs)} paused` : ''}`;
  const outcome = stop === undefined ? '' : stop.inTime ? ', in time' : ', late';
  const summary = entry.beforeStart
    ? `${entry.policyId} clock stopped${cause} before it started: nothing was due`
    : `${entry.policyId} clock ${VERBS[entry.change]}${cause}${entry.change === 'started' ? '' : ` (${spent})`}${outcome}`;
  return {
    at: entry.at.toISOString(),
    event: `sla.${entry.change}`,
    policyId: entry.policyId,
    slaKind,
    run: entry.run,
    ...entry.standard,
    ...(entry.signal && { signal: entry.signal }),
    budgetMs: entry.budgetMs,
    elapsedMs: entry.elapsedMs,
    pausedMs: entry.pausedMs,
    ...(stop?.deadline && { dueAt: stop.deadline.toISOString() }),
    ...(stop && { inTime: stop.inTime }),
    summary,
  };
}

function fromVerdict(verdict: SlaVerdict): SlaTimelineEntry {
  const summary =
    verdict.kind === 'warned'
      ? `${verdict.policyId}: ${Math.round((verdict.point ?? 0) * 100)} % of the budget used`
      : `${verdict.policyId}: breached, ${verdict.by === 'ceiling' ? "the floor's wall-clock maximum" : 'the budget'} ran out`;
  return {
    at: verdict.at.toISOString(),
    event: verdict.kind === 'warned' ? 'sla.warned' : 'sla.breached',
    policyId: verdict.policyId,
    slaKind: verdict.slaKind,
    run: verdict.run,
    ...verdict.standard,
    ...(verdict.deadline && { dueAt: verdict.deadline.toISOString() }),
    summary,
  };
}

/** A duration as people read it: `30 s`, `15 min`, `10 h 30 min`, `2 d 4 h`. */
export function formatMs(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const units: [string, number][] = [
    ['d', 86_400],
    ['h', 3_600],
    ['min', 60],
    ['s', 1],
  ];
  const parts: string[] = [];
  let rest = seconds;
  for (const [unit, size] of units) {
    if (rest >= size && parts.length < 2) {
      parts.push(`${Math.floor(rest / size)} ${unit}`);
      rest %= size;
    } else if (parts.length > 0) {
      break;
    }
  }
  return parts.length > 0 ? parts.join(' ') : '0 s';
}
