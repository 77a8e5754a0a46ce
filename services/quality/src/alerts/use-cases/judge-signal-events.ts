import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { KnownCloudEvent } from '@hotline/contracts';
import { AlertRulesRepository } from '../alert-rules.repository';
import { AlertsConfig } from '../alerts-config';
import type { AlertRule, LowScoreCondition, SlaBreachCondition } from '../domain/alert-rule';
import { AlertEngine, type Observation } from './alert-engine';

export type SignalEvent = KnownCloudEvent<'sla.breached' | 'sla.withdrawn' | 'contact.scored'>;

const anyOrIn = (list: readonly string[], value: string | undefined): boolean => list.length === 0 || (value !== undefined && list.includes(value));

/**
 * Breaches and low scores: each live one fires the matching rules on its subject (a case, a
 * contact's agent), an event-shaped condition that clears by itself `resolveAfter` after it was last
 * seen; a withdrawn breach clears its alert at once. Late ones (`late: true`, or older than the live
 * horizon) are history and fire nothing.
 */
@Injectable()
export class JudgeSignalEvents {
  constructor(
    private readonly rules: AlertRulesRepository,
    private readonly config: AlertsConfig,
    private readonly engine: AlertEngine,
  ) {}

  async execute(manager: EntityManager, events: readonly SignalEvent[]): Promise<void> {
    const now = this.engine.now();
    const live = events.filter((e) => {
      const at = new Date(e.time).getTime();
      return at >= now - this.config.liveMs && !('late' in e.data && e.data.late === true);
    });
    if (live.length === 0) return;
    const rulesByTenant = await this.rules.rulesOf(manager, live.map((e) => e.tenantid));
    const byTenant = new Map<string, Observation[]>();
    for (const event of live) {
      const observations = (rulesByTenant.get(event.tenantid) ?? []).filter((r) => r.enabled).flatMap((rule) => observe(rule, event, now));
      byTenant.set(event.tenantid, [...(byTenant.get(event.tenantid) ?? []), ...observations]);
    }
    for (const [tenantId, observations] of byTenant) await this.engine.apply(manager, tenantId, observations);
  }
}

function observe(rule: AlertRule, event: SignalEvent, now: number): Observation[] {
  const { condition } = rule;
  const base = { rule, at: now, clearsOnItsOwn: true };
  if (condition.kind === 'sla-breach' && event.type !== 'contact.scored') {
    const d = event.data;
    if (!matchesBreach(condition, d)) return [];
    const scope = `${d.subjectType}:${d.subjectId}`;
    if (event.type === 'sla.withdrawn') {
      if (d.withdraws !== 'sla.breached') return [];
      // Withdrawn: clear now and let resolveAfter 0 resolve it (the breach never was).
      return [{ ...base, rule: { ...rule, resolveAfterSeconds: 0 }, scope, labels: {}, firing: false, value: null, threshold: null, summary: '', clearsOnItsOwn: false }];
    }
    const labels: Record<string, string> = { subjectType: d.subjectType, subject: d.subjectId, slaKind: d.slaKind };
    if (d.causedByOutage === true) labels['causedByOutage'] = 'true';
    const region = (d as { region?: unknown }).region;
    if (typeof region === 'string') labels['region'] = region;
    const priority = (d as { priority?: unknown }).priority;
    if (typeof priority === 'string') labels['priority'] = priority;
    return [
      {
        ...base,
        scope,
        labels,
        firing: true,
        value: null,
        threshold: null,
        summary: rule.summary ?? `${d.slaKind} deadline breached on ${d.subjectType} ${d.subjectId}`,
        standard: { standardId: d.standardId, standardVersion: d.standardVersion, clause: d.clause ?? '' },
      },
    ];
  }
  if (condition.kind === 'low-score' && event.type === 'contact.scored') {
    const d = event.data;
    if (!matchesScore(condition, d.score)) return [];
    const scope = d.agentId ? `agent:${d.agentId}` : `contact:${d.contactId}`;
    const labels: Record<string, string> = { contact: d.contactId, ...(d.agentId ? { agent: d.agentId } : {}) };
    return [
      {
        ...base,
        scope,
        labels,
        firing: true,
        value: d.score,
        threshold: condition.below,
        summary: rule.summary ?? `Etiquette score ${d.score} under ${condition.below}${d.agentId ? ` for agent ${d.agentId}` : ''} (contact ${d.contactId})`,
        standard: { standardId: d.standardId, standardVersion: d.standardVersion, clause: '3' },
      },
    ];
  }
  return [];
}

export function matchesBreach(condition: SlaBreachCondition, d: { slaKind: string; subjectType: string; priority?: unknown }): boolean {
  const priority = typeof d.priority === 'string' ? d.priority : undefined;
  return anyOrIn(condition.slaKinds, d.slaKind) && anyOrIn(condition.subjectTypes, d.subjectType) && anyOrIn(condition.priorities, priority);
}

export function matchesScore(condition: LowScoreCondition, score: number): boolean {
  return score < condition.below;
}
