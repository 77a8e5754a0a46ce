import type { AlertSeverity } from './alert-rule';
import type { Labels } from './silence';

export type AlertState = 'raised' | 'acknowledged' | 'resolved';

export interface AlertActor {
  id: string;
  kind: 'user' | 'api_key' | 'service';
  roles?: string[];
}

/**
 * One alert: a rule's condition on one scope, from raised to resolved. At most one is open per
 * rule and scope; a repeat of its condition bumps `count` and `lastSeenAt`, never raises again.
 * `paged` once a page went out for it (raised itself, or attached to its group's page); a silenced
 * or inhibited alert is recorded with why, and paged only if that ends while it still holds.
 */
export interface Alert {
  alertId: string;
  tenantId: string;
  ruleId: string;
  scope: string;
  kind: string;
  severity: AlertSeverity;
  summary: string;
  labels: Labels;
  groupKey: string;
  state: AlertState;
  silencedBy: string | null;
  inhibitedBy: string | null;
  paged: boolean;
  /** The alert whose page this one attached to (same group), when it did not raise its own. */
  leaderId: string | null;
  count: number;
  escalationLevel: number;
  value: number | null;
  threshold: number | null;
  windowSeconds: number | null;
  standardId: string | null;
  standardVersion: string | null;
  clause: string | null;
  startsAt: number;
  lastSeenAt: number;
  /** Since when the condition has been clear (null while it holds). */
  clearedSince: number | null;
  acknowledgedAt: number | null;
  acknowledgedBy: AlertActor | null;
  resolvedAt: number | null;
  resolvedBy: AlertActor | null;
}

/** A line of an alert's history: every state change and everything sent about it. */
export interface HistoryEntry {
  at: number;
  kind:
    | 'raised'
    | 'paged'
    | 'attached'
    | 'silenced'
    | 'inhibited'
    | 'cleared'
    | 'recurred'
    | 'acknowledged'
    | 'escalated'
    | 'resolved'
    | 'unsilenced';
  actor?: AlertActor;
  detail?: Record<string, unknown>;
  /** The event published for it, if any. */
  published?: 'alert.raised' | 'alert.updated' | 'alert.resolved';
}

export class AlertStateError extends Error {
  constructor(
    readonly alertId: string,
    readonly state: AlertState,
    action: string,
  ) {
    super(`alert ${alertId} is ${state}: it cannot be ${action}`);
  }
}

export interface Sighting {
  at: number;
  value: number | null;
  threshold: number | null;
}

/** The condition holds again: bump the count; a clear spell ends. */
export function seen(alert: Alert, sighting: Sighting): HistoryEntry[] {
  const history: HistoryEntry[] = [];
  if (alert.clearedSince !== null) history.push({ at: sighting.at, kind: 'recurred', detail: { clearedSince: new Date(alert.clearedSince).toISOString() } });
  alert.count += 1;
  alert.lastSeenAt = Math.max(alert.lastSeenAt, sighting.at);
  alert.clearedSince = null;
  alert.value = sighting.value;
  if (sighting.threshold !== null) alert.threshold = sighting.threshold;
  return history;
}

/** The condition does not hold at `at`: starts (or continues) a clear spell; true once it lasted `resolveAfterMs`. */
export function clear(alert: Alert, at: number, resolveAfterMs: number): { history: HistoryEntry[]; resolvable: boolean } {
  const history: HistoryEntry[] = [];
  if (alert.clearedSince === null) {
    alert.clearedSince = at;
    history.push({ at, kind: 'cleared' });
  }
  return { history, resolvable: at - alert.clearedSince >= resolveAfterMs };
}

export function acknowledge(alert: Alert, actor: AlertActor, at: number): HistoryEntry[] {
  if (alert.state === 'acknowledged') return [];
  if (alert.state === 'resolved') throw new AlertStateError(alert.alertId, alert.state, 'acknowledged');
  alert.state = 'acknowledged';
  alert.acknowledgedAt = at;
  alert.acknowledgedBy = actor;
  return [{ at, kind: 'acknowledged', actor }];
}

export function resolve(alert: Alert, how: 'auto' | 'manual', at: number, actor?: AlertActor): HistoryEntry[] {
  if (alert.state === 'resolved') {
    if (how === 'manual') throw new AlertStateError(alert.alertId, alert.state, 'resolved');
    return [];
  }
  alert.state = 'resolved';
  alert.resolvedAt = at;
  alert.resolvedBy = actor ?? null;
  return [{ at, kind: 'resolved', actor, detail: { how } }];
}

/** Nobody acknowledged in time: one level up, while levels remain; false when it stays where it is. */
export function escalate(alert: Alert, maxLevel: number, at: number): HistoryEntry[] {
  if (alert.state !== 'raised' || alert.escalationLevel >= maxLevel) return [];
  alert.escalationLevel += 1;
  return [{ at, kind: 'escalated', detail: { level: alert.escalationLevel } }];
}

/** Whether a page may go out for it now: open, not paged yet, neither silenced nor inhibited. */
export function pageable(alert: Alert): boolean {
  return alert.state !== 'resolved' && !alert.paged && alert.silencedBy === null && alert.inhibitedBy === null;
}
