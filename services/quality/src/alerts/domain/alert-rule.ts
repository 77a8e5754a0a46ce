/**
 * A tenant's alert rule, as data (MANUAL 5.2). Four kinds of condition:
 * - `kpi-threshold`: a KPI over a sliding window, with a minimum volume so a quiet queue never fires;
 * - `sudden-change`: a KPI against the window before it, by a factor;
 * - `sla-breach`: any live `sla.breached` matching kinds/subjects/priorities;
 * - `low-score`: a `contact.scored` under a threshold.
 */
export type AlertSeverity = 'info' | 'warning' | 'critical';

/** Service level: answered within the tenant's answer standard over offered; abandonment rate: abandoned over offered. */
export type RateMetric = 'serviceLevel' | 'abandonmentRate';
export type ChangeMetric = 'offered' | 'abandonmentRate';

/** Per queue, the tenant as a whole, or both (one alert per scope). */
export type KpiScope = 'queue' | 'tenant' | 'both';

export interface KpiThresholdCondition {
  kind: 'kpi-threshold';
  metric: RateMetric;
  /** Fires below it for service level, above it for abandonment rate (0–1). */
  target: number;
  windowSeconds: number;
  minVolume: number;
  scope: KpiScope;
}

export interface SuddenChangeCondition {
  kind: 'sudden-change';
  metric: ChangeMetric;
  /** Fires when the window's value is at least `factor` times the previous window's (or at most 1/factor for `fall`). */
  factor: number;
  direction: 'rise' | 'fall';
  windowSeconds: number;
  minVolume: number;
  scope: KpiScope;
}

export interface SlaBreachCondition {
  kind: 'sla-breach';
  /** Empty: any. */
  slaKinds: readonly string[];
  subjectTypes: readonly string[];
  /** Matched against the breach's `priority` when dispatch sends one; empty: any. */
  priorities: readonly string[];
}

export interface LowScoreCondition {
  kind: 'low-score';
  below: number;
}

export type AlertCondition = KpiThresholdCondition | SuddenChangeCondition | SlaBreachCondition | LowScoreCondition;
export type KpiCondition = KpiThresholdCondition | SuddenChangeCondition;

export interface AlertRule {
  ruleId: string;
  enabled: boolean;
  severity: AlertSeverity;
  summary?: string;
  condition: AlertCondition;
  /** Label names whose values make the group key (one page per group); `rule` is the rule's id. */
  groupBy: readonly string[];
  /** The condition must have been clear this long before the alert resolves itself. */
  resolveAfterSeconds: number;
  /** Unacknowledged this long after paging (and again after each level), the alert escalates; absent: never. */
  escalateAfterSeconds?: number;
  maxEscalationLevel: number;
}

export function isKpiCondition(condition: AlertCondition): condition is KpiCondition {
  return condition.kind === 'kpi-threshold' || condition.kind === 'sudden-change';
}

/**
 * What a tenant gets until it sets rules of its own (any PUT replaces the defaults for that tenant
 * entirely; DELETE of the last rule brings them back). Documented in the README's quality section.
 */
export const DEFAULT_ALERT_RULES: readonly AlertRule[] = Object.freeze([
  {
    ruleId: 'service-level-under-target',
    enabled: true,
    severity: 'critical',
    condition: { kind: 'kpi-threshold', metric: 'serviceLevel', target: 0.8, windowSeconds: 300, minVolume: 20, scope: 'both' },
    groupBy: ['rule'],
    resolveAfterSeconds: 300,
    escalateAfterSeconds: 900,
    maxEscalationLevel: 3,
  },
  {
    ruleId: 'abandonment-surge',
    enabled: true,
    severity: 'warning',
    condition: { kind: 'sudden-change', metric: 'abandonmentRate', factor: 2, direction: 'rise', windowSeconds: 600, minVolume: 30, scope: 'both' },
    groupBy: ['rule'],
    resolveAfterSeconds: 600,
    maxEscalationLevel: 0,
  },
  {
    ruleId: 'fault-response-breached',
    enabled: true,
    severity: 'critical',
    condition: { kind: 'sla-breach', slaKinds: ['response', 'repair'], subjectTypes: ['case'], priorities: [] },
    groupBy: ['rule'],
    resolveAfterSeconds: 3600,
    escalateAfterSeconds: 900,
    maxEscalationLevel: 3,
  },
  {
    ruleId: 'etiquette-score-low',
    enabled: true,
    severity: 'warning',
    condition: { kind: 'low-score', below: 60 },
    groupBy: ['rule'],
    resolveAfterSeconds: 3600,
    maxEscalationLevel: 0,
  },
] satisfies AlertRule[]);

/** The longest look back any KPI rule may take (its window and the one before it): 1 hour each. */
export const MAX_WINDOW_SECONDS = 3600;
