import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TenantStandards } from '@hotline/tenant-standards';
import { DurableTimers, type FiredTimer } from '@hotline/timers';
import { AlertMinutesRepository } from '../alert-minutes.repository';
import { AlertRulesRepository } from '../alert-rules.repository';
import { AlertsRepository } from '../alerts.repository';
import { ESCALATE_TIMER } from '../alerts-clock';
import { escalate } from '../domain/alert';
import { isKpiCondition, type KpiCondition, MAX_WINDOW_SECONDS } from '../domain/alert-rule';
import { MINUTE_MS } from '../domain/window-counters';
import { AlertEngine, type Observation } from './alert-engine';
import { kpiObservation } from './kpi-observation';

/**
 * `alerts.recheck` fired: the alert's rule is judged again now. A KPI alert's window has slid on
 * (a quiet scope clears); an event alert clears once its resolveAfter since last seen has passed.
 * A rule deleted or disabled meanwhile resolves its alerts.
 */
@Injectable()
export class RecheckAlerts {
  constructor(
    private readonly alerts: AlertsRepository,
    private readonly rules: AlertRulesRepository,
    private readonly minutes: AlertMinutesRepository,
    private readonly standards: TenantStandards,
    private readonly engine: AlertEngine,
  ) {}

  async execute(manager: EntityManager, timer: FiredTimer): Promise<void> {
    const alert = await this.alerts.find(manager, timer.tenantId, timer.key);
    if (!alert || alert.state === 'resolved') return;
    const now = this.engine.now();
    const rule = (await this.rules.rulesOf(manager, [alert.tenantId])).get(alert.tenantId)?.find((r) => r.ruleId === alert.ruleId);
    if (!rule || !rule.enabled) {
      const gone = { ...(rule ?? fallbackRule(alert.ruleId)), resolveAfterSeconds: 0 };
      await this.engine.apply(manager, alert.tenantId, [{ rule: gone, scope: alert.scope, labels: alert.labels, firing: false, at: now, value: null, threshold: null, summary: alert.summary }]);
      return;
    }
    let observation: Observation;
    if (isKpiCondition(rule.condition)) {
      const kpiRule = rule as typeof rule & { condition: KpiCondition };
      const windows = await this.minutes.windows(manager, alert.tenantId, [alert.scope], now - 2 * (MAX_WINDOW_SECONDS * 1000 + MINUTE_MS));
      const answer = (await this.standards.resolve(alert.tenantId, new Date(now))).standard('answer-time');
      observation = kpiObservation(kpiRule, alert.scope, windows.get(alert.scope) ?? { series: new Map(), region: null }, now, {
        standardId: answer.standardId,
        standardVersion: answer.standardVersion,
        clause: answer.chapter,
      });
    } else {
      observation = { rule, scope: alert.scope, labels: alert.labels, firing: false, at: now, value: null, threshold: null, summary: alert.summary, clearsOnItsOwn: true };
    }
    await this.engine.apply(manager, alert.tenantId, [observation]);
  }
}

function fallbackRule(ruleId: string) {
  return { ruleId, enabled: false, severity: 'info' as const, condition: { kind: 'low-score' as const, below: 0 }, groupBy: [], resolveAfterSeconds: 0, maxEscalationLevel: 0 };
}

/** `alerts.escalate` fired: an unacknowledged page goes one level up (`alert.updated` escalated). */
@Injectable()
export class EscalateAlerts {
  constructor(
    private readonly alerts: AlertsRepository,
    private readonly rules: AlertRulesRepository,
    private readonly engine: AlertEngine,
    private readonly timers: DurableTimers,
  ) {}

  async execute(manager: EntityManager, timer: FiredTimer): Promise<void> {
    const alert = await this.alerts.find(manager, timer.tenantId, timer.key, true);
    if (!alert || alert.state !== 'raised' || !alert.paged || alert.leaderId !== null) return;
    const rule = (await this.rules.rulesOf(manager, [alert.tenantId])).get(alert.tenantId)?.find((r) => r.ruleId === alert.ruleId);
    if (!rule || rule.escalateAfterSeconds === undefined) return;
    if (alert.silencedBy !== null) {
      // Silenced after it was paged: nobody is to be chased while the silence holds; look again a wait later.
      await this.timers.set(manager, { tenantId: alert.tenantId, kind: ESCALATE_TIMER, key: alert.alertId, dueAt: new Date(this.engine.now() + rule.escalateAfterSeconds * 1000) });
      return;
    }
    await this.engine.escalated(manager, alert, escalate(alert, rule.maxEscalationLevel, this.engine.now()), rule);
  }
}
