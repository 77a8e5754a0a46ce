import type { AlertRule, KpiCondition } from '../domain/alert-rule';
import { evaluateKpiCondition } from '../domain/evaluate-kpi-rule';
import type { MinuteSeries } from '../domain/window-counters';
import type { Observation } from './alert-engine';

export const TENANT_SCOPE = 'tenant';
export const queueScope = (queue: string): string => `queue:${queue}`;

/** The scopes a KPI rule judges a queue's minutes in. */
export function scopesOf(condition: KpiCondition, queueScopeName: string): string[] {
  if (condition.scope === 'queue') return [queueScopeName];
  if (condition.scope === 'tenant') return [TENANT_SCOPE];
  return [queueScopeName, TENANT_SCOPE];
}

export function appliesTo(condition: KpiCondition, scope: string): boolean {
  return condition.scope === 'both' || (condition.scope === 'tenant') === (scope === TENANT_SCOPE);
}

function labelsOf(scope: string, region: string | null): Record<string, string> {
  const labels: Record<string, string> = scope === TENANT_SCOPE ? { scope: 'tenant' } : { scope: 'queue', queue: scope.slice('queue:'.length) };
  if (region !== null) labels['region'] = region;
  return labels;
}

const pct = (v: number): string => `${Math.round(v * 1000) / 10}%`;

function describe(condition: KpiCondition, value: number | null, volume: number, scope: string): string {
  const where = scope === TENANT_SCOPE ? 'across the tenant' : `in queue ${scope.slice('queue:'.length)}`;
  const minutes = `${Math.round(condition.windowSeconds / 60)} min`;
  if (condition.kind === 'kpi-threshold') {
    const name = condition.metric === 'serviceLevel' ? 'Service level' : 'Abandonment rate';
    const side = condition.metric === 'serviceLevel' ? 'under' : 'over';
    return `${name} ${value === null ? 'n/a' : pct(value)} ${side} target ${pct(condition.target)} over ${minutes} (${volume} offered) ${where}`;
  }
  const name = condition.metric === 'offered' ? 'Offered contacts' : 'Abandonment rate';
  return `${name} ${condition.direction === 'rise' ? 'rose' : 'fell'} ${value === null ? 'sharply' : `×${Math.round(value * 10) / 10}`} against the previous ${minutes} ${where}`;
}

/** The rule's verdict on one scope's minutes at `nowMs`, as an observation for the engine. */
export function kpiObservation(
  rule: AlertRule & { condition: KpiCondition },
  scope: string,
  window: { series: MinuteSeries; region: string | null },
  nowMs: number,
  standard: { standardId: string; standardVersion: string; clause: string } | undefined,
): Observation {
  const verdict = evaluateKpiCondition(rule.condition, window.series, nowMs);
  const usesStandard = rule.condition.kind === 'kpi-threshold' && rule.condition.metric === 'serviceLevel';
  return {
    rule,
    scope,
    labels: labelsOf(scope, window.region),
    firing: verdict.firing,
    at: nowMs,
    value: verdict.value,
    threshold: verdict.threshold,
    summary: rule.summary ?? describe(rule.condition, verdict.value, verdict.volume, scope),
    windowSeconds: rule.condition.windowSeconds,
    ...(usesStandard && standard ? { standard } : {}),
  };
}
