import { ALWAYS_OPEN, type WorkingTime } from './business-calendar';
import { budgetFor, transitionsFor, type ClockTransition, type SlaPolicy, type SlaPriority, type SlaStandardRef } from './sla-policy';
import type { SlaSignal } from './sla-signal';

/**
 * One SLA clock, for 30 seconds or 30 days: an immutable value that keeps every input it was given
 * (signals, direct transitions, priority and policy changes, each with the time it happened) and
 * derives its state by replaying them in time order. An input that arrives late, with an earlier
 * time, therefore lands where it belongs; inputs with the same time apply in arrival order.
 *
 * Elapsed time is counted on the policy's calendar (24/7 or business hours) while running; paused
 * time is wall-clock time. A change of priority or policy keeps both and recomputes the due time
 * from the remaining budget. A reset (a reopened case) discards the run: the next start begins a
 * new run from zero. A clock that falls due while paused does not fire: it is due once resumed.
 */

export type ClockStatus = 'idle' | 'running' | 'paused' | 'stopped';

/** One input as stored and replayed; `at` is epoch milliseconds (the time it happened). */
export type ClockInput =
  | { kind: 'signal'; signal: SlaSignal; at: number }
  | { kind: 'transition'; transition: ClockTransition; at: number }
  | { kind: 'priority'; priority: SlaPriority; at: number }
  | { kind: 'policy'; policy: SlaPolicy; at: number };

export type ClockChange = 'started' | 'paused' | 'resumed' | 'stopped' | 'reset' | 'rebudgeted';

/** One change of the clock's state, for its timeline: what changed, when, and which signal did it. */
export interface ClockHistoryEntry {
  at: Date;
  change: ClockChange;
  /** The run it belongs to: 1 for the first start, one more after each reset and restart. */
  run: number;
  /** The signal that caused it (`priority_changed`, `policy_changed` for those changes); absent for a direct transition. */
  signal?: SlaSignal;
  policyId: string;
  standard: SlaStandardRef;
  priority?: SlaPriority;
  budgetMs: number;
  /** Counted and paused time of the run at that moment. */
  elapsedMs: number;
  pausedMs: number;
  /** A stop before any start: the work was done before the clock had a reason to run. */
  beforeStart?: boolean;
}

export interface SlaClockOptions {
  policy: SlaPolicy;
  priority?: SlaPriority;
  /** The tenant's working hours; required by a policy that counts on business hours. */
  businessCalendar?: WorkingTime;
}

/** What a clock can say about an instant it reached (a warn point, the due time, a breach). */
export interface ClockInstant {
  at: Date;
  /** 'budget': the policy's budget ran out; 'ceiling': the floor's wall-clock maximum did. */
  by: 'budget' | 'ceiling';
}

/** A running span of the current run, with the budget and calendar in force during it. */
interface Segment {
  from: number;
  to?: number;
  /** Once closed: the time counted on `calendar` from `from` to `to`. */
  counted?: number;
  /** Counted time (on `calendar`) and wall-clock running time of the run before this span. */
  countedBefore: number;
  runningBefore: number;
  budgetMs: number;
  ceilingMs?: number;
  calendar: WorkingTime;
}

interface Folded {
  status: ClockStatus;
  run: number;
  policy: SlaPolicy;
  priority?: SlaPriority;
  runStartedAt?: number;
  stoppedAt?: number;
  pausedSince?: number;
  countedMs: number;
  runningMs: number;
  pausedMs: number;
  segments: Segment[];
  history: ClockHistoryEntry[];
}

export class SlaClock {
  private cachedFold?: Folded;

  private constructor(
    private readonly options: SlaClockOptions,
    /** Inputs in arrival order (what to store); `ordered` is the same, stably sorted by time. */
    readonly inputs: readonly ClockInput[],
    private readonly ordered: readonly ClockInput[],
  ) {}

  /** A clock that has not started. */
  static create(options: SlaClockOptions): SlaClock {
    calendarOf(options.policy, options.businessCalendar);
    return new SlaClock(Object.freeze({ ...options }), [], []);
  }

  /** A clock rebuilt from its stored inputs (in arrival order). */
  static replay(options: SlaClockOptions, inputs: readonly ClockInput[]): SlaClock {
    for (const input of inputs) if (input.kind === 'policy') calendarOf(input.policy, options.businessCalendar);
    return inputs.reduce((clock, input) => clock.with(input), SlaClock.create(options));
  }

  /** The policy in force (changed by `changePolicy`). */
  policy(asOf?: Date): SlaPolicy {
    return this.fold(horizon(asOf)).policy;
  }

  /** The priority in force. */
  priority(asOf?: Date): SlaPriority | undefined {
    return this.fold(horizon(asOf)).priority;
  }

  /** The transitions the policy assigns to the signal (none: it is recorded and changes nothing). */
  on(signal: SlaSignal, at: Date): SlaClock {
    return this.with({ kind: 'signal', signal, at: instant(at) });
  }

  start(at: Date): SlaClock {
    return this.with({ kind: 'transition', transition: 'start', at: instant(at) });
  }

  pause(at: Date): SlaClock {
    return this.with({ kind: 'transition', transition: 'pause', at: instant(at) });
  }

  resume(at: Date): SlaClock {
    return this.with({ kind: 'transition', transition: 'resume', at: instant(at) });
  }

  stop(at: Date): SlaClock {
    return this.with({ kind: 'transition', transition: 'stop', at: instant(at) });
  }

  reset(at: Date): SlaClock {
    return this.with({ kind: 'transition', transition: 'reset', at: instant(at) });
  }

  /** From `at`, the budget of the new priority applies to what remains; elapsed and paused time stay. */
  changePriority(priority: SlaPriority, at: Date): SlaClock {
    return this.with({ kind: 'priority', priority, at: instant(at) });
  }

  /** From `at`, another policy (a tenant's new standard version) times the same run. */
  changePolicy(policy: SlaPolicy, at: Date): SlaClock {
    calendarOf(policy, this.options.businessCalendar);
    return this.with({ kind: 'policy', policy, at: instant(at) });
  }

  status(asOf?: Date): ClockStatus {
    return this.fold(horizon(asOf)).status;
  }

  /** The current run, 0 before the first start. */
  run(asOf?: Date): number {
    return this.fold(horizon(asOf)).run;
  }

  /** When the current run started. */
  startedAt(asOf?: Date): Date | undefined {
    return dateOf(this.fold(horizon(asOf)).runStartedAt);
  }

  stoppedAt(asOf?: Date): Date | undefined {
    return dateOf(this.fold(horizon(asOf)).stoppedAt);
  }

  /** The budget in force (for the current priority and policy). */
  budgetMs(asOf?: Date): number {
    const folded = this.fold(horizon(asOf));
    return budgetFor(folded.policy, folded.priority);
  }

  /** Counted time of the current run up to `at`, on the policy's calendar. */
  elapsed(at: Date): number {
    const folded = this.fold(instant(at));
    const open = openSegment(folded);
    return folded.countedMs + (open ? open.calendar.businessTimeBetween(new Date(open.from), at) : 0);
  }

  /** Wall-clock time the current run has spent paused up to `at`. */
  pausedFor(at: Date): number {
    const folded = this.fold(instant(at));
    return folded.pausedMs + (folded.pausedSince === undefined ? 0 : instant(at) - folded.pausedSince);
  }

  /**
   * When the budget runs out, given every input so far (or those up to `asOf`): undefined unless
   * running. Earlier than `asOf` when the clock is already overdue.
   */
  dueAt(asOf?: Date): Date | undefined {
    return this.reaching(1, this.fold(horizon(asOf)))?.at;
  }

  /** `dueAt`, and whether the policy's budget or the floor's wall-clock ceiling sets it. */
  due(asOf?: Date): ClockInstant | undefined {
    return this.reaching(1, this.fold(horizon(asOf)));
  }

  /**
   * When the given fraction of the budget (a warn point, e.g. 0.8) is reached: undefined unless
   * running, in the past if it has been reached already.
   */
  warnAt(point: number, asOf?: Date): Date | undefined {
    return this.reaching(point, this.fold(horizon(asOf)))?.at;
  }

  /** When the current run breached, if it had by `at` (it fell due before stopping, never while paused). */
  breachedAt(at: Date): ClockInstant | undefined {
    return this.reachedBy(1, instant(at));
  }

  breached(at: Date): boolean {
    return this.breachedAt(at) !== undefined;
  }

  /** When the current run passed a warn point, if it had by `at`. */
  warnedAt(point: number, at: Date): ClockInstant | undefined {
    return this.reachedBy(point, instant(at));
  }

  /** Every change of state, in time order, up to `asOf`. */
  history(asOf?: Date): readonly ClockHistoryEntry[] {
    return this.fold(horizon(asOf)).history;
  }

  private with(input: ClockInput): SlaClock {
    const ordered = [...this.ordered];
    let i = ordered.length;
    while (i > 0 && ordered[i - 1].at > input.at) i--;
    ordered.splice(i, 0, input);
    return new SlaClock(this.options, [...this.inputs, input], ordered);
  }

  /** The fraction `point` of the budget (and of the ceiling), projected while running. */
  private reaching(point: number, folded: Folded): ClockInstant | undefined {
    if (folded.status !== 'running') return undefined;
    return earliest(reach(folded.segments, point, 'budget'), reach(folded.segments, point, 'ceiling'));
  }

  /** The instant the fraction `point` was reached in the current run, if it was by `at`. */
  private reachedBy(point: number, at: number): ClockInstant | undefined {
    const folded = this.fold(at);
    const reached = earliest(reach(folded.segments, point, 'budget'), reach(folded.segments, point, 'ceiling'));
    return reached && reached.at.getTime() <= at ? reached : undefined;
  }

  private fold(until: number): Folded {
    const last = this.ordered[this.ordered.length - 1];
    const whole = last === undefined || until >= last.at;
    if (whole && this.cachedFold) return this.cachedFold;
    const folded = replayInputs(this.options, whole ? this.ordered : this.ordered.filter((input) => input.at <= until));
    if (whole) this.cachedFold = folded;
    return folded;
  }
}

function replayInputs(options: SlaClockOptions, inputs: readonly ClockInput[]): Folded {
  const f: Folded = { run: 0, policy: options.policy, priority: options.priority, history: [], ...freshRun() };
  const record = (change: ClockChange, at: number, signal?: SlaSignal, beforeStart?: boolean) =>
    f.history.push(Object.freeze({
      at: new Date(at),
      change,
      run: f.run,
      ...(signal && { signal }),
      policyId: f.policy.id,
      standard: f.policy.standard,
      ...(f.priority && { priority: f.priority }),
      budgetMs: budgetFor(f.policy, f.priority),
      elapsedMs: f.countedMs,
      pausedMs: f.pausedMs,
      ...(beforeStart && { beforeStart }),
    }));
  const open = (at: number) =>
    f.segments.push({
      from: at,
      countedBefore: f.countedMs,
      runningBefore: f.runningMs,
      budgetMs: budgetFor(f.policy, f.priority),
      ...(f.policy.ceiling && { ceilingMs: f.policy.ceiling.ms }),
      calendar: calendarOf(f.policy, options.businessCalendar),
    });
  const close = (at: number) => {
    const segment = f.segments[f.segments.length - 1];
    segment.to = at;
    segment.counted = segment.calendar.businessTimeBetween(new Date(segment.from), new Date(at));
    f.countedMs += segment.counted;
    f.runningMs += at - segment.from;
  };
  const endPause = (at: number) => {
    f.pausedMs += at - (f.pausedSince ?? at);
    f.pausedSince = undefined;
  };

  const apply = (transition: ClockTransition, at: number, signal?: SlaSignal) => {
    switch (transition) {
      case 'start':
        if (f.status !== 'idle') return;
        f.status = 'running';
        f.run += 1;
        f.runStartedAt = at;
        open(at);
        return record('started', at, signal);
      case 'pause':
        if (f.status !== 'running') return;
        close(at);
        f.status = 'paused';
        f.pausedSince = at;
        return record('paused', at, signal);
      case 'resume':
        if (f.status !== 'paused') return;
        endPause(at);
        f.status = 'running';
        open(at);
        return record('resumed', at, signal);
      case 'stop': {
        if (f.status === 'stopped') return;
        const beforeStart = f.status === 'idle';
        if (f.status === 'running') close(at);
        if (f.status === 'paused') endPause(at);
        f.status = 'stopped';
        f.stoppedAt = at;
        return record('stopped', at, signal, beforeStart);
      }
      case 'reset':
        if (f.status === 'idle') return;
        record('reset', at, signal);
        Object.assign(f, freshRun());
        return;
    }
  };

  /** A new budget applies from `at` to what remains; the time already counted stays counted. */
  const rebudget = (at: number, change: () => void, signal?: SlaSignal) => {
    const running = f.status === 'running';
    if (running) close(at);
    change();
    if (running) open(at);
    if (running || f.status === 'paused') record('rebudgeted', at, signal);
  };

  for (const input of inputs) {
    if (input.kind === 'signal') {
      for (const transition of transitionsFor(f.policy, input.signal)) apply(transition, input.at, input.signal);
    } else if (input.kind === 'transition') {
      apply(input.transition, input.at);
    } else if (input.kind === 'priority') {
      rebudget(input.at, () => (f.priority = input.priority), 'priority_changed');
    } else {
      rebudget(input.at, () => (f.policy = input.policy), 'policy_changed');
    }
  }
  return f;
}

/** The state of a clock between runs: nothing counted, nothing due. */
function freshRun(): Pick<Folded, 'status' | 'runStartedAt' | 'stoppedAt' | 'pausedSince' | 'countedMs' | 'runningMs' | 'pausedMs' | 'segments'> {
  return {
    status: 'idle',
    runStartedAt: undefined,
    stoppedAt: undefined,
    pausedSince: undefined,
    countedMs: 0,
    runningMs: 0,
    pausedMs: 0,
    segments: [],
  };
}

/**
 * When the counted time of the run first reached `point` × the budget (or the wall-clock running
 * time reached `point` × the ceiling), walking the run's spans; the last span, if still open, is
 * projected forward. A span that ends exactly on the target (a stop or a pause on the due time)
 * has not passed it: a stop at the due time is in time.
 */
function reach(segments: readonly Segment[], point: number, by: 'budget' | 'ceiling'): ClockInstant | undefined {
  for (const segment of segments) {
    const limit = by === 'budget' ? segment.budgetMs : segment.ceilingMs;
    if (limit === undefined) continue;
    const target = Math.round(point * limit);
    const before = by === 'budget' ? segment.countedBefore : segment.runningBefore;
    const calendar = by === 'budget' ? segment.calendar : ALWAYS_OPEN;
    if (before >= target) return { at: new Date(segment.from), by };
    const remaining = target - before;
    const span = segment.to === undefined ? undefined : by === 'budget' ? segment.counted : segment.to - segment.from;
    if (span === undefined || span > remaining) {
      return { at: calendar.addBusinessTime(new Date(segment.from), remaining), by };
    }
  }
  return undefined;
}

function earliest(a: ClockInstant | undefined, b: ClockInstant | undefined): ClockInstant | undefined {
  if (!a || !b) return a ?? b;
  return b.at.getTime() < a.at.getTime() ? b : a;
}

function openSegment(folded: Folded): Segment | undefined {
  const last = folded.segments[folded.segments.length - 1];
  return folded.status === 'running' ? last : undefined;
}

function calendarOf(policy: SlaPolicy, businessCalendar: WorkingTime | undefined): WorkingTime {
  if (policy.calendar === 'always') return ALWAYS_OPEN;
  if (!businessCalendar) throw new Error(`SLA policy '${policy.id}' counts business hours: give the clock the tenant's business calendar`);
  return businessCalendar;
}

function instant(at: Date): number {
  const time = at instanceof Date ? at.getTime() : Number.NaN;
  if (Number.isNaN(time)) throw new RangeError('An SLA clock needs a valid time for every input and question');
  return time;
}

function horizon(asOf: Date | undefined): number {
  return asOf === undefined ? Number.POSITIVE_INFINITY : instant(asOf);
}

function dateOf(time: number | undefined): Date | undefined {
  return time === undefined ? undefined : new Date(time);
}
