import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type CloudEvent, newCloudEvent } from '@hotline/contracts';
import { CorrelationContext, Outbox } from '@hotline/messaging';
import { DurableTimers } from '@hotline/timers';
import { AlertOutagesRepository } from '../alert-outages.repository';
import { AlertsRepository, ruleScopeKey } from '../alerts.repository';
import { ALERTS_CLOCK, type AlertsClock, ESCALATE_TIMER, QUALITY_SOURCE, RECHECK_TIMER } from '../alerts-clock';
import { AlertsConfig } from '../alerts-config';
import { type Alert, type AlertActor, clear, type HistoryEntry, pageable, resolve, seen } from '../domain/alert';
import { type AlertRule, isKpiCondition } from '../domain/alert-rule';
import { groupKeyOf } from '../domain/grouping';
import { inhibitingOutage, type OpenOutage } from '../domain/inhibition';
import { type Labels, type Silence, silencing } from '../domain/silence';
import { SilencesRepository } from '../silences.repository';

/** How many open alerts of a tenant a silence change looks at (the oldest first). */
const MAX_ALERTS_RESILENCED = 5_000;

/** What a rule found for one scope at one instant. */
export interface Observation {
  rule: AlertRule;
  scope: string;
  labels: Labels;
  firing: boolean;
  at: number;
  value: number | null;
  threshold: number | null;
  summary: string;
  windowSeconds?: number;
  standard?: { standardId: string; standardVersion: string; clause: string };
  /** For event rules: the condition clears on its own this long after it was last seen. */
  clearsOnItsOwn?: boolean;
}

/**
 * The alert lifecycle over the store, in the caller's transaction: dedup by rule and scope, raise,
 * silence, inhibit, group, clear and resolve, with every change in the history and every page in
 * the outbox (`alert.raised`, `alert.updated`, `alert.resolved`). Timers: `alerts.recheck` judges
 * an open alert again (KPI alerts while no event comes; every alert once it has been clear for its
 * rule's resolveAfter), `alerts.escalate` escalates an unacknowledged page.
 */
@Injectable()
export class AlertEngine {
  constructor(
    private readonly alerts: AlertsRepository,
    private readonly silences: SilencesRepository,
    private readonly outages: AlertOutagesRepository,
    private readonly timers: DurableTimers,
    private readonly outbox: Outbox,
    private readonly config: AlertsConfig,
    @Inject(ALERTS_CLOCK) private readonly clock: AlertsClock,
  ) {}

  now(): number {
    return this.clock.now().getTime();
  }

  async apply(manager: EntityManager, tenantId: string, observations: readonly Observation[]): Promise<void> {
    const unique = [...new Map(observations.map((o) => [ruleScopeKey(o.rule.ruleId, o.scope), o])).values()];
    if (unique.length === 0) return;
    const open = await this.alerts.lockOpen(manager, tenantId, unique.map((o) => ({ ruleId: o.rule.ruleId, scope: o.scope })));
    const work = new Work(tenantId);
    for (const alert of open.values()) work.known.set(alert.alertId, alert);
    let suppressors: { silences: Silence[]; outages: OpenOutage[] } | undefined;
    const suppression = async () => (suppressors ??= { silences: await this.silences.active(manager, tenantId, this.now()), outages: await this.outages.open(manager, tenantId) });
    for (const o of unique) {
      const alert = open.get(ruleScopeKey(o.rule.ruleId, o.scope));
      if (alert === undefined) {
        if (o.firing) await this.raise(manager, work, o, await suppression());
        continue;
      }
      if (o.firing) {
        work.history(alert, seen(alert, { at: o.at, value: o.value, threshold: o.threshold }));
        if (!alert.paged && alert.state !== 'resolved') await this.suppressOrPage(manager, work, alert, o.rule, await suppression());
        work.timer(alert, RECHECK_TIMER, o.at + (o.clearsOnItsOwn ? o.rule.resolveAfterSeconds * 1000 : this.config.recheckMs));
      } else {
        if (o.clearsOnItsOwn && alert.clearedSince === null) alert.clearedSince = alert.lastSeenAt;
        const { history, resolvable } = clear(alert, o.at, o.rule.resolveAfterSeconds * 1000);
        work.history(alert, history);
        if (resolvable) this.resolveAlert(work, alert, 'auto', o.at);
        else work.timer(alert, RECHECK_TIMER, Math.min((alert.clearedSince ?? o.at) + o.rule.resolveAfterSeconds * 1000, o.at + this.config.recheckMs));
      }
      work.save(alert);
    }
    await this.flush(manager, work);
  }

  /** A person acknowledges: escalation stops; `alert.updated` (acknowledged) when it was paged. */
  async acknowledged(manager: EntityManager, alert: Alert, history: HistoryEntry[], actor: AlertActor): Promise<void> {
    const work = new Work(alert.tenantId);
    if (history.length > 0 && alert.paged && alert.leaderId === null) {
      history[history.length - 1].published = 'alert.updated';
      work.publish(this.updated(alert, 'acknowledged', { actor }));
    }
    work.history(alert, history);
    work.cancel(alert, ESCALATE_TIMER);
    work.save(alert);
    await this.flush(manager, work);
  }

  /**
   * The tenant's silences changed: each open alert takes the silence that now matches it, if any.
   * A page already out learns it (`alert.updated` silenced or unsilenced) so delivery stops or resumes;
   * an alert never paged is paged by its next judgement once no silence holds it.
   */
  async silencesChanged(manager: EntityManager, tenantId: string): Promise<void> {
    const at = this.now();
    const silences = await this.silences.active(manager, tenantId, at);
    const work = new Work(tenantId);
    for (const alert of await this.alerts.lockAllOpen(manager, tenantId, MAX_ALERTS_RESILENCED)) {
      const silencedBy = silencing(silences, alert.labels, at)?.silenceId ?? null;
      if (silencedBy === alert.silencedBy) continue;
      const change = silencedBy === null ? 'unsilenced' : 'silenced';
      const announce = alert.paged && alert.leaderId === null && (silencedBy === null || alert.silencedBy === null);
      work.history(alert, [{ at, kind: change, detail: { silenceId: silencedBy ?? alert.silencedBy }, ...(announce ? { published: 'alert.updated' as const } : {}) }]);
      alert.silencedBy = silencedBy;
      if (announce) work.publish(this.updated(alert, change, {}));
    }
    await this.flush(manager, work);
  }

  /** A person resolves it. */
  async resolvedByHand(manager: EntityManager, alert: Alert, actor: AlertActor): Promise<void> {
    const work = new Work(alert.tenantId);
    this.resolveAlert(work, alert, 'manual', this.now(), actor);
    work.save(alert);
    await this.flush(manager, work);
  }

  /** Escalates an unacknowledged page one level: `alert.updated` (escalated), and the next level's timer. */
  async escalated(manager: EntityManager, alert: Alert, history: HistoryEntry[], rule: AlertRule): Promise<void> {
    if (history.length === 0) return;
    const work = new Work(alert.tenantId);
    history[history.length - 1].published = 'alert.updated';
    work.history(alert, history);
    work.publish(this.updated(alert, 'escalated', {}));
    if (rule.escalateAfterSeconds !== undefined && alert.escalationLevel < rule.maxEscalationLevel) {
      work.timer(alert, ESCALATE_TIMER, this.now() + rule.escalateAfterSeconds * 1000);
    }
    work.save(alert);
    await this.flush(manager, work);
  }

  private async raise(manager: EntityManager, work: Work, o: Observation, suppressors: { silences: Silence[]; outages: OpenOutage[] }): Promise<void> {
    const { rule } = o;
    const labels: Labels = { ...o.labels, rule: rule.ruleId, severity: rule.severity };
    const alert: Alert = {
      alertId: randomUUID(),
      tenantId: work.tenantId,
      ruleId: rule.ruleId,
      scope: o.scope,
      kind: rule.condition.kind,
      severity: rule.severity,
      summary: o.summary,
      labels,
      groupKey: groupKeyOf(work.tenantId, rule.groupBy, labels),
      state: 'raised',
      silencedBy: null,
      inhibitedBy: null,
      paged: false,
      leaderId: null,
      count: 1,
      escalationLevel: 0,
      value: o.value,
      threshold: o.threshold,
      windowSeconds: o.windowSeconds ?? null,
      standardId: o.standard?.standardId ?? null,
      standardVersion: o.standard?.standardVersion ?? null,
      clause: o.standard?.clause ?? null,
      startsAt: o.at,
      lastSeenAt: o.at,
      clearedSince: null,
      acknowledgedAt: null,
      acknowledgedBy: null,
      resolvedAt: null,
      resolvedBy: null,
    };
    // A concurrent batch raised it first: this one's sighting is a repeat it will see next time.
    if (!(await this.alerts.insert(manager, alert))) return;
    work.history(alert, [{ at: o.at, kind: 'raised', detail: { value: o.value, threshold: o.threshold, scope: o.scope } }]);
    await this.suppressOrPage(manager, work, alert, rule, suppressors);
    work.timer(alert, RECHECK_TIMER, o.at + (o.clearsOnItsOwn || !isKpiCondition(rule.condition) ? rule.resolveAfterSeconds * 1000 : this.config.recheckMs));
    work.save(alert);
  }

  /**
   * Pages the alert unless a silence or an outage holds it back (recorded in its history): as the
   * group's page (`alert.raised`, escalation timer set) or attached to the page already open in its
   * group (`alert.updated` grouped, of that page).
   */
  private async suppressOrPage(manager: EntityManager, work: Work, alert: Alert, rule: AlertRule, suppressors: { silences: Silence[]; outages: OpenOutage[] }): Promise<void> {
    const at = this.now();
    const silence = silencing(suppressors.silences, alert.labels, at);
    const silencedBy = silence?.silenceId ?? null;
    if (silencedBy !== alert.silencedBy) work.history(alert, [{ at, kind: silencedBy ? 'silenced' : 'unsilenced', detail: { silenceId: silencedBy ?? alert.silencedBy } }]);
    alert.silencedBy = silencedBy;
    const inhibitedBy = inhibitingOutage(rule.condition, alert.labels, suppressors.outages) ?? null;
    if (inhibitedBy !== null && inhibitedBy !== alert.inhibitedBy) work.history(alert, [{ at, kind: 'inhibited', detail: { by: inhibitedBy } }]);
    alert.inhibitedBy = inhibitedBy;
    if (!pageable(alert)) return;
    alert.paged = true;
    work.pagedIn(alert.groupKey);
    // The group's page: one raised earlier in this call, else the open one in the store (this call's copy if it holds it).
    const stored = work.leaders.get(alert.groupKey) ?? (await this.alerts.lockGroupLeader(manager, alert.tenantId, alert.groupKey, alert.alertId));
    const leader = stored && (work.known.get(stored.alertId) ?? stored);
    if (leader) {
      alert.leaderId = leader.alertId;
      const groupSize = (await this.alerts.groupSize(manager, alert.tenantId, alert.groupKey)) + work.newlyPaged(alert.groupKey);
      work.history(alert, [{ at, kind: 'attached', detail: { to: leader.alertId } }]);
      work.history(leader, [{ at, kind: 'attached', detail: { alertId: alert.alertId, scope: alert.scope, groupSize }, published: 'alert.updated' }]);
      work.publish(this.updated(leader, 'grouped', { groupSize, attachedAlertId: alert.alertId }));
      return;
    }
    work.leaders.set(alert.groupKey, alert);
    work.history(alert, [{ at, kind: 'paged', published: 'alert.raised' }]);
    work.publish(this.raisedEvent(alert));
    if (rule.escalateAfterSeconds !== undefined && rule.maxEscalationLevel > 0) work.timer(alert, ESCALATE_TIMER, at + rule.escalateAfterSeconds * 1000);
  }

  private resolveAlert(work: Work, alert: Alert, how: 'auto' | 'manual', at: number, actor?: AlertActor): void {
    const history = resolve(alert, how, at, actor);
    if (history.length === 0) return;
    // Only a page of its own is resolved on the bus; an attached alert rode on its group's page.
    if (alert.paged && alert.leaderId === null) {
      history[0].published = 'alert.resolved';
      const data = { alertId: alert.alertId, resolvedAt: new Date(at).toISOString(), ruleId: alert.ruleId, scope: alert.scope, groupKey: alert.groupKey, how, labels: { ...alert.labels }, ...(actor ? { actor } : {}) };
      work.publish(this.event(alert, 'alert.resolved', data));
    }
    work.history(alert, history);
    work.cancel(alert, ESCALATE_TIMER);
    work.cancel(alert, RECHECK_TIMER);
  }

  private raisedEvent(alert: Alert): CloudEvent {
    return this.event(alert, 'alert.raised', {
      alertId: alert.alertId,
      kind: alert.kind,
      severity: alert.severity,
      summary: alert.summary,
      labels: { ...alert.labels },
      ruleId: alert.ruleId,
      scope: alert.scope,
      groupKey: alert.groupKey,
      startsAt: new Date(alert.startsAt).toISOString(),
      ...(alert.value !== null ? { value: alert.value } : {}),
      ...(alert.threshold !== null ? { threshold: alert.threshold } : {}),
      ...(alert.windowSeconds !== null ? { windowSeconds: alert.windowSeconds } : {}),
      ...(alert.standardId ? { standardId: alert.standardId, standardVersion: alert.standardVersion ?? undefined, clause: alert.clause ?? undefined } : {}),
    });
  }

  private updated(alert: Alert, change: 'acknowledged' | 'escalated' | 'grouped' | 'silenced' | 'unsilenced', extra: { actor?: AlertActor; groupSize?: number; attachedAlertId?: string }): CloudEvent {
    return this.event(alert, 'alert.updated', {
      alertId: alert.alertId,
      change,
      kind: alert.kind,
      severity: alert.severity,
      summary: alert.summary,
      labels: { ...alert.labels },
      ruleId: alert.ruleId,
      groupKey: alert.groupKey,
      escalationLevel: alert.escalationLevel,
      at: new Date(this.now()).toISOString(),
      ...extra,
    });
  }

  private event(alert: Alert, type: 'alert.raised' | 'alert.updated' | 'alert.resolved', data: object): CloudEvent {
    return newCloudEvent({
      type,
      source: QUALITY_SOURCE,
      tenantId: alert.tenantId,
      subject: alert.alertId,
      time: new Date(this.now()),
      correlationId: CorrelationContext.current()?.correlationId,
      data: data as never,
    });
  }

  private async flush(manager: EntityManager, work: Work): Promise<void> {
    await this.alerts.saveMany(manager, [...work.saved.values()]);
    await this.alerts.appendHistory(manager, work.entries);
    await this.outbox.add(manager, work.events);
    const cancels = [...work.cancels.values()].filter((ref) => !work.timers.has(JSON.stringify([ref.kind, ref.key])));
    await this.timers.cancelMany(manager, cancels);
    await this.timers.setMany(manager, [...work.timers.values()]);
  }
}

/** What one call changes, written at its end in a few statements. */
class Work {
  readonly saved = new Map<string, Alert>();
  /** The alerts this call holds (locked), so each is changed through one copy. */
  readonly known = new Map<string, Alert>();
  /** Pages raised in this call, by group key. */
  readonly leaders = new Map<string, Alert>();
  private readonly pagedByGroup = new Map<string, number>();
  readonly entries: { tenantId: string; alertId: string; entry: HistoryEntry }[] = [];
  readonly events: CloudEvent[] = [];
  readonly timers = new Map<string, { tenantId: string; kind: string; key: string; dueAt: Date }>();
  readonly cancels = new Map<string, { tenantId: string; kind: string; key: string }>();

  constructor(readonly tenantId: string) {}

  save(alert: Alert): void {
    this.saved.set(alert.alertId, alert);
    this.known.set(alert.alertId, alert);
  }

  pagedIn(groupKey: string): void {
    this.pagedByGroup.set(groupKey, this.newlyPaged(groupKey) + 1);
  }

  /** Alerts of the group paged in this call (not yet counted by the store). */
  newlyPaged(groupKey: string): number {
    return this.pagedByGroup.get(groupKey) ?? 0;
  }

  history(alert: Alert, entries: readonly HistoryEntry[]): void {
    for (const entry of entries) this.entries.push({ tenantId: alert.tenantId, alertId: alert.alertId, entry });
    if (entries.length > 0) this.save(alert);
  }

  publish(event: CloudEvent): void {
    this.events.push(event);
  }

  timer(alert: Alert, kind: string, dueAtMs: number): void {
    const key = JSON.stringify([kind, alert.alertId]);
    this.cancels.delete(key);
    this.timers.set(key, { tenantId: alert.tenantId, kind, key: alert.alertId, dueAt: new Date(dueAtMs) });
  }

  cancel(alert: Alert, kind: string): void {
    const key = JSON.stringify([kind, alert.alertId]);
    this.timers.delete(key);
    this.cancels.set(key, { tenantId: alert.tenantId, kind, key: alert.alertId });
  }
}
