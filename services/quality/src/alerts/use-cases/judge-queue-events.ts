import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { KnownCloudEvent } from '@hotline/contracts';
import { TenantStandards } from '@hotline/tenant-standards';
import { AlertMinutesRepository, type MinuteDelta } from '../alert-minutes.repository';
import { AlertRulesRepository } from '../alert-rules.repository';
import { AlertsConfig } from '../alerts-config';
import { type AlertRule, isKpiCondition, type KpiCondition, MAX_WINDOW_SECONDS } from '../domain/alert-rule';
import { type Contribution, contributions, mergeOutcome, type OutcomeFact } from '../domain/queue-outcome';
import { MINUTE_MS, minuteOf } from '../domain/window-counters';
import { KpiConfig } from '../../kpis/kpi-config';
import { outcomeKey, QueueOutcomesRepository } from '../queue-outcomes.repository';
import { AlertEngine } from './alert-engine';
import { appliesTo, kpiObservation, queueScope, TENANT_SCOPE } from './kpi-observation';

export type QueueEvent = KnownCloudEvent<'contact.queued' | 'contact.answered' | 'contact.abandoned'>;

export function isQueueEvent(event: KnownCloudEvent): event is QueueEvent {
  return event.type === 'contact.queued' || event.type === 'contact.answered' || event.type === 'contact.abandoned';
}

const ms = (seconds: number | undefined): number | undefined => (seconds === undefined ? undefined : Math.round(seconds * 1000));

function factOf(event: QueueEvent): OutcomeFact {
  const at = new Date(event.time).getTime();
  switch (event.type) {
    case 'contact.queued':
      return { kind: 'queued', at, queue: event.data.queue, ...(event.data.region ? { region: event.data.region } : {}) };
    case 'contact.answered':
      return { kind: 'answered', at, queue: event.data.queue, waitMs: ms(event.data.waitSeconds) };
    case 'contact.abandoned':
      return { kind: 'abandoned', at, queue: event.data.queue, waitMs: ms(event.data.waitSeconds) };
  }
}

/**
 * A batch of queue events: each contact's outcome merged (order-free), the difference it makes to
 * its queue's and its tenant's minutes applied, then the KPI rules judged on the scopes the batch
 * touched within their windows — now, by the wall clock. Events from before the windows (a
 * backfill, a re-sent day) change only old minutes, which no rule looks at: they never raise.
 */
@Injectable()
export class JudgeQueueEvents {
  constructor(
    private readonly outcomes: QueueOutcomesRepository,
    private readonly minutes: AlertMinutesRepository,
    private readonly rules: AlertRulesRepository,
    private readonly standards: TenantStandards,
    private readonly kpiConfig: KpiConfig,
    private readonly config: AlertsConfig,
    private readonly engine: AlertEngine,
  ) {}

  async execute(manager: EntityManager, events: readonly QueueEvent[]): Promise<void> {
    const now = this.engine.now();
    // Older than two of the longest windows, or from the future: nothing any rule could look at.
    const horizon = now - 2 * MAX_WINDOW_SECONDS * 1000;
    const recent = events.filter((e) => {
      const at = new Date(e.time).getTime();
      return at >= horizon && at <= now + MINUTE_MS;
    });
    if (recent.length === 0) return;
    const held = await this.outcomes.lockOrCreateMany(manager, recent.map((e) => ({ tenantId: e.tenantid, contactId: e.data.contactId })));
    for (const event of recent) {
      const h = held.get(outcomeKey(event.tenantid, event.data.contactId));
      if (h) h.outcome = mergeOutcome(h.outcome, factOf(event));
    }
    const deltas: MinuteDelta[] = [];
    for (const h of held.values()) {
      const answerAt = h.outcome.queuedAt ?? h.outcome.answeredAt ?? h.outcome.abandonedAt ?? now;
      const answer = (await this.standards.resolve(h.tenantId, new Date(answerAt))).standard('answer-time');
      const next = contributions(h.outcome, { answerTargetMs: answer.seconds * 1000, shortAbandonMs: this.kpiConfig.shortAbandonMs });
      deltas.push(...toDeltas(h.tenantId, h.counted, -1), ...toDeltas(h.tenantId, next, 1));
      h.counted = next;
    }
    await this.outcomes.saveMany(manager, [...held.values()]);
    const changed = deltas.filter((d) => Object.values(d.counters).some((v) => v !== 0) || d.region !== null);
    await this.minutes.addMany(manager, changed);
    await this.judge(manager, changed, now);
  }

  /** Judges every KPI rule on the scopes whose minutes inside the rule's window changed. */
  private async judge(manager: EntityManager, deltas: readonly MinuteDelta[], now: number): Promise<void> {
    const touched = new Map<string, Map<string, number>>();
    for (const d of deltas) {
      const scopes = touched.get(d.tenantId) ?? new Map<string, number>();
      scopes.set(d.scope, Math.max(scopes.get(d.scope) ?? 0, d.minute));
      touched.set(d.tenantId, scopes);
    }
    const rulesByTenant = await this.rules.rulesOf(manager, [...touched.keys()]);
    for (const [tenantId, scopes] of touched) {
      const rules = (rulesByTenant.get(tenantId) ?? []).filter((r): r is AlertRule & { condition: KpiCondition } => r.enabled && isKpiCondition(r.condition));
      const live = (scope: string, rule: AlertRule & { condition: KpiCondition }) =>
        appliesTo(rule.condition, scope) && (scopes.get(scope) ?? 0) >= minuteOf(now - Math.min(rule.condition.windowSeconds * 1000, this.config.liveMs));
      const wanted = [...scopes.keys()].filter((scope) => rules.some((rule) => live(scope, rule)));
      if (wanted.length === 0) continue;
      const windows = await this.minutes.windows(manager, tenantId, wanted, now - 2 * (MAX_WINDOW_SECONDS * 1000 + MINUTE_MS));
      const answer = (await this.standards.resolve(tenantId, new Date(now))).standard('answer-time');
      const standard = { standardId: answer.standardId, standardVersion: answer.standardVersion, clause: answer.chapter };
      const observations = wanted.flatMap((scope) =>
        rules.filter((rule) => live(scope, rule)).map((rule) => kpiObservation(rule, scope, windows.get(scope) ?? { series: new Map(), region: null }, now, standard)),
      );
      await this.engine.apply(manager, tenantId, observations);
    }
  }
}

function toDeltas(tenantId: string, contributions: readonly Contribution[], sign: 1 | -1): MinuteDelta[] {
  return contributions.flatMap((c) => {
    const counters = { queued: sign * c.counters.queued, offered: sign * c.counters.offered, inTarget: sign * c.counters.inTarget, abandoned: sign * c.counters.abandoned };
    const region = sign === 1 ? c.region : null;
    return [
      { tenantId, scope: queueScope(c.queue), minute: c.minute, region, counters },
      { tenantId, scope: TENANT_SCOPE, minute: c.minute, region: null, counters },
    ];
  });
}
