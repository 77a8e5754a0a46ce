import { isSlaSignal, type SlaSignal } from './sla-signal';

/** What a clock can do. */
export const CLOCK_TRANSITIONS = ['start', 'pause', 'resume', 'stop', 'reset'] as const;
export type ClockTransition = (typeof CLOCK_TRANSITIONS)[number];

/** The contracts' priorities: P1 is the most urgent. */
export const SLA_PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type SlaPriority = (typeof SLA_PRIORITIES)[number];

/** The contracts' `slaKind`: which deadline of the manual a clock times. */
export type SlaKind = 'answer' | 'response' | 'resolution' | 'record' | 'follow_up' | 'complaint_reply' | 'repair';

/** What every verdict records (DESIGN decision 11): the standard, its version in force, its clause. */
export interface SlaStandardRef {
  standardId: string;
  version: string;
  clause: string;
}

/** Hotline's default warn points (configurable per policy): at half time and at 80 %. */
export const DEFAULT_WARN_POINTS: readonly number[] = Object.freeze([0.5, 0.8]);

/**
 * One deadline as data: which standard it enforces, how long it is, which calendar it counts on,
 * where it warns, and which signals start, pause, resume, stop and reset it.
 */
export interface SlaPolicy {
  /** Stable id, e.g. 'network-fault-response'; verdict keys and timers name it. */
  id: string;
  title: string;
  slaKind: SlaKind;
  standard: SlaStandardRef;
  /** The budget: counted time (on `calendar`) from start to due. */
  budgetMs: number;
  /** A tenant's budget for some priorities; the others use `budgetMs`. */
  budgetByPriority?: Partial<Record<SlaPriority, number>>;
  /**
   * The regulatory or manual floor as a maximum on the wall clock from the start of a run: pauses
   * and business hours never carry the due time past it (a tenant may tighten, never loosen).
   */
  ceiling?: { ms: number; standard: SlaStandardRef };
  /** 'always' counts every millisecond (24/7); 'business-hours' counts the tenant's working hours. */
  calendar: 'always' | 'business-hours';
  /** Fractions of the budget to warn at, ascending, each in (0, 1). */
  warnPoints: readonly number[];
  /** The signals of each transition; a signal both resets and starts a clock to restart it. */
  on: Readonly<Record<ClockTransition, readonly SlaSignal[]>>;
}

export interface PolicyIssue {
  path: string;
  message: string;
}

export class InvalidSlaPolicyError extends Error {
  constructor(
    readonly policyId: string,
    readonly issues: readonly PolicyIssue[],
  ) {
    super(`Invalid SLA policy '${policyId}': ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`);
    this.name = 'InvalidSlaPolicyError';
  }
}

/** Validates a policy and freezes it; throws `InvalidSlaPolicyError` naming every bad field. */
export function defineSlaPolicy(policy: SlaPolicy): SlaPolicy {
  const issues = policyIssues(policy);
  if (issues.length > 0) throw new InvalidSlaPolicyError(String(policy.id), issues);
  return Object.freeze({
    ...policy,
    standard: Object.freeze({ ...policy.standard }),
    ...(policy.budgetByPriority && { budgetByPriority: Object.freeze({ ...policy.budgetByPriority }) }),
    ...(policy.ceiling && { ceiling: Object.freeze({ ms: policy.ceiling.ms, standard: Object.freeze({ ...policy.ceiling.standard }) }) }),
    warnPoints: Object.freeze([...policy.warnPoints]),
    on: Object.freeze(Object.fromEntries(CLOCK_TRANSITIONS.map((t) => [t, Object.freeze([...policy.on[t]])])) as SlaPolicy['on']),
  });
}

/** What a tenant may change in a policy. Tightening only where the policy has a ceiling. */
export type PolicyTailoring = Partial<Pick<SlaPolicy, 'budgetMs' | 'budgetByPriority' | 'calendar' | 'warnPoints'>>;

/** A tenant's version of a policy, validated like any other (a budget past the ceiling is refused). */
export function tailorSlaPolicy(policy: SlaPolicy, tailoring: PolicyTailoring): SlaPolicy {
  return defineSlaPolicy({ ...policy, ...tailoring });
}

/** The budget for a priority: the tenant's figure for it, else the policy's. */
export function budgetFor(policy: SlaPolicy, priority: SlaPriority | undefined): number {
  return (priority && policy.budgetByPriority?.[priority]) || policy.budgetMs;
}

/** The transitions a signal makes under a policy, in order (a reset before the start it allows). */
export function transitionsFor(policy: SlaPolicy, signal: SlaSignal): ClockTransition[] {
  const order: ClockTransition[] = ['reset', 'start', 'pause', 'resume', 'stop'];
  return order.filter((transition) => policy.on[transition].includes(signal));
}

function policyIssues(policy: SlaPolicy): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  if (typeof policy.id !== 'string' || policy.id.length === 0) add('id', 'must be a non-empty string');
  for (const field of ['standardId', 'version', 'clause'] as const) {
    if (typeof policy.standard?.[field] !== 'string' || policy.standard[field].length === 0) {
      add(`standard.${field}`, 'must be a non-empty string: every verdict records it');
    }
  }
  const budgets: [string, number][] = [['budgetMs', policy.budgetMs]];
  for (const [priority, ms] of Object.entries(policy.budgetByPriority ?? {})) {
    if (!(SLA_PRIORITIES as readonly string[]).includes(priority)) add(`budgetByPriority.${priority}`, 'is not a priority (P1–P4)');
    else budgets.push([`budgetByPriority.${priority}`, ms as number]);
  }
  for (const [path, ms] of budgets) {
    if (!Number.isSafeInteger(ms) || ms <= 0) add(path, `must be a positive whole number of milliseconds, got ${String(ms)}`);
    else if (policy.ceiling && ms > policy.ceiling.ms) {
      const floor = `the floor of ${policy.ceiling.ms} ms set by '${policy.ceiling.standard.standardId}'`;
      add(path, `${ms} ms is looser than ${floor}; it may only be tightened`);
    }
  }
  if (policy.ceiling && (!Number.isSafeInteger(policy.ceiling.ms) || policy.ceiling.ms <= 0)) {
    add('ceiling.ms', 'must be a positive whole number of milliseconds');
  }
  if (policy.calendar !== 'always' && policy.calendar !== 'business-hours') add('calendar', "must be 'always' or 'business-hours'");
  if (!Array.isArray(policy.warnPoints)) add('warnPoints', 'must be a list of fractions');
  else {
    policy.warnPoints.forEach((point, i) => {
      if (typeof point !== 'number' || !(point > 0 && point < 1)) {
        add(`warnPoints[${i}]`, `must be a fraction of the budget between 0 and 1, got ${String(point)}`);
      } else if (i > 0 && point <= policy.warnPoints[i - 1]) add(`warnPoints[${i}]`, 'warn points must be in ascending order, each once');
    });
  }
  issues.push(...signalIssues(policy));
  return issues;
}

function signalIssues(policy: SlaPolicy): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  const owner = new Map<SlaSignal, ClockTransition>();
  for (const transition of CLOCK_TRANSITIONS) {
    const signals = policy.on?.[transition];
    if (!Array.isArray(signals)) {
      issues.push({ path: `on.${transition}`, message: 'must be a list of signals (empty for none)' });
      continue;
    }
    signals.forEach((signal, i) => {
      const path = `on.${transition}[${i}]`;
      const other = isSlaSignal(signal) ? owner.get(signal) : undefined;
      if (!isSlaSignal(signal)) {
        issues.push({ path, message: `'${String(signal)}' is not a known signal` });
      } else if (transition === 'reset') {
        return;
      } else if (other) {
        issues.push({ path, message: `'${signal}' already ${other}s the clock: a signal makes one transition (and may reset first)` });
      } else {
        owner.set(signal, transition);
      }
    });
  }
  (Array.isArray(policy.on?.reset) ? policy.on.reset : []).forEach((signal, i) => {
    const other = owner.get(signal);
    if (other && other !== 'start') issues.push({ path: `on.reset[${i}]`, message: `'${signal}' ${other}s the clock: a reset may only come with a start` });
  });
  if (Array.isArray(policy.on?.start) && policy.on.start.length === 0) issues.push({ path: 'on.start', message: 'a clock needs a signal that starts it' });
  if (Array.isArray(policy.on?.stop) && policy.on.stop.length === 0) issues.push({ path: 'on.stop', message: 'a clock needs a signal that stops it' });
  if (Array.isArray(policy.on?.pause) && Array.isArray(policy.on?.resume) && policy.on.pause.length > 0 && policy.on.resume.length === 0) {
    issues.push({ path: 'on.resume', message: 'a clock that pauses needs a signal that resumes it' });
  }
  return issues;
}
