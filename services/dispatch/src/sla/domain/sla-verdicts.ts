import type { SlaClock } from './sla-clock';
import type { SlaKind, SlaStandardRef } from './sla-policy';

export type SlaVerdictKind = 'warned' | 'breached' | 'stopped';

/**
 * What a clock's run has come to by an instant: a warn point passed, the deadline breached, the
 * clock stopped (in time or late). Each names the standard it applied (DESIGN decision 11), and
 * has a key that is stable for the run, so the wiring publishes each verdict once however often it
 * asks, and can tell which verdicts a late input took back.
 */
export interface SlaVerdict {
  /** Unique within one clock: `run 1/warned@0.8`, `run 1/breached`, `run 2/stopped`. */
  key: string;
  kind: SlaVerdictKind;
  /** When it happened: the warn point, the due time, the stop. */
  at: Date;
  run: number;
  policyId: string;
  slaKind: SlaKind;
  /** The policy's standard, or the floor's when the floor's wall-clock ceiling was breached. */
  standard: SlaStandardRef;
  startedAt: Date;
  /** The due time as the clock saw it then; absent for a stop while paused. */
  deadline?: Date;
  /** warned: the fraction of the budget passed. */
  point?: number;
  /** breached: whether the policy's budget or the floor's ceiling ran out. */
  by?: 'budget' | 'ceiling';
  /** stopped: before (or at) the due time. */
  inTime?: boolean;
}

/** The verdicts of the clock's current run that hold at `at`, in time order. */
export function slaVerdicts(clock: SlaClock, at: Date): SlaVerdict[] {
  const run = clock.run(at);
  const startedAt = clock.startedAt(at);
  if (startedAt === undefined) return [];
  const policy = clock.policy(at);
  const base = { run, policyId: policy.id, slaKind: policy.slaKind, startedAt };
  const prefix = `run ${run}`;
  const verdicts: SlaVerdict[] = [];

  for (const point of policy.warnPoints) {
    const warned = clock.warnedAt(point, at);
    if (warned) {
      const deadline = clock.dueAt(warned.at);
      const key = `${prefix}/warned@${point}`;
      verdicts.push({ ...base, key, kind: 'warned', at: warned.at, standard: policy.standard, point, ...(deadline && { deadline }) });
    }
  }
  const breached = clock.breachedAt(at);
  if (breached) {
    const standard = breached.by === 'ceiling' && policy.ceiling ? policy.ceiling.standard : policy.standard;
    verdicts.push({ ...base, key: `${prefix}/breached`, kind: 'breached', at: breached.at, standard, deadline: breached.at, by: breached.by });
  }
  const stoppedAt = clock.stoppedAt(at);
  if (stoppedAt) {
    const deadline = clock.dueAt(new Date(stoppedAt.getTime() - 1));
    const inTime = !breached || breached.at.getTime() > stoppedAt.getTime();
    verdicts.push({ ...base, key: `${prefix}/stopped`, kind: 'stopped', at: stoppedAt, standard: policy.standard, inTime, ...(deadline && { deadline }) });
  }
  return verdicts.sort((a, b) => a.at.getTime() - b.at.getTime());
}

export interface VerdictChanges {
  /** Verdicts not published yet. */
  publish: SlaVerdict[];
  /** Warnings and breaches published for this run that no longer hold (a late stop came in time). */
  withdraw: SlaVerdict[];
}

/**
 * What to do now, given what was already published for this clock: publish the new verdicts, withdraw the
 * warnings and breaches of the current run that a late input took back. Verdicts of earlier runs
 * (before a reset) stand.
 */
export function verdictChanges(clock: SlaClock, published: readonly SlaVerdict[], at: Date): VerdictChanges {
  const current = slaVerdicts(clock, at);
  const currentKeys = new Set(current.map((verdict) => verdict.key));
  const publishedKeys = new Set(published.map((verdict) => verdict.key));
  const run = clock.run(at);
  return {
    publish: current.filter((verdict) => !publishedKeys.has(verdict.key)),
    withdraw: published.filter(
      (verdict) => verdict.run === run && verdict.kind !== 'stopped' && !currentKeys.has(verdict.key),
    ),
  };
}
