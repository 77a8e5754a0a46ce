import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Alert, AlertState, HistoryEntry } from './domain/alert';

interface AlertRow {
  seq: string;
  body: Alert;
}

interface HistoryRow {
  at: Date;
  kind: HistoryEntry['kind'];
  actor: HistoryEntry['actor'] | null;
  detail: Record<string, unknown> | null;
  published: HistoryEntry['published'] | null;
}

export const ruleScopeKey = (ruleId: string, scope: string): string => JSON.stringify([ruleId, scope]);

/** `quality.alerts` (each alert's state as a JSON body, its keys as columns) and `quality.alert_history`. */
@Injectable()
export class AlertsRepository {
  /** The tenant's open alerts for these rule/scope pairs, locked, keyed by `ruleScopeKey`. */
  async lockOpen(manager: EntityManager, tenantId: string, keys: readonly { ruleId: string; scope: string }[]): Promise<Map<string, Alert>> {
    if (keys.length === 0) return new Map();
    const rows: AlertRow[] = await manager.query(
      `SELECT a.body FROM quality.alerts a JOIN unnest($2::text[], $3::text[]) AS k(rule_id, scope) ON a.rule_id = k.rule_id AND a.scope = k.scope
       WHERE a.tenant_id = $1 AND a.state <> 'resolved' ORDER BY a.alert_id FOR UPDATE OF a`,
      [tenantId, keys.map((k) => k.ruleId), keys.map((k) => k.scope)],
    );
    return new Map(rows.map(({ body }) => [ruleScopeKey(body.ruleId, body.scope), body]));
  }

  /** The tenant's open alerts (at most `limit`, oldest first), locked. */
  async lockAllOpen(manager: EntityManager, tenantId: string, limit: number): Promise<Alert[]> {
    const rows: AlertRow[] = await manager.query(
      `SELECT body FROM quality.alerts WHERE tenant_id = $1 AND state <> 'resolved' ORDER BY alert_id LIMIT $2 FOR UPDATE`,
      [tenantId, limit],
    );
    return rows.map((r) => r.body);
  }

  /** One alert, locked when `lock`; undefined for another tenant's or an unknown id. */
  async find(manager: EntityManager, tenantId: string, alertId: string, lock = false): Promise<Alert | undefined> {
    const [row]: AlertRow[] = await manager.query(
      `SELECT body FROM quality.alerts WHERE tenant_id = $1 AND alert_id = $2${lock ? ' FOR UPDATE' : ''}`,
      [tenantId, alertId],
    );
    return row?.body;
  }

  /** The group's open, paged alert that raised its own page (the one others attach to), locked. */
  async lockGroupLeader(manager: EntityManager, tenantId: string, groupKey: string, except: string): Promise<Alert | undefined> {
    const [row]: AlertRow[] = await manager.query(
      `SELECT body FROM quality.alerts WHERE tenant_id = $1 AND group_key = $2 AND state <> 'resolved' AND alert_id <> $3
         AND (body->>'paged')::boolean AND body->>'leaderId' IS NULL
       ORDER BY seq LIMIT 1 FOR UPDATE`,
      [tenantId, groupKey, except],
    );
    return row?.body;
  }

  /** How many open alerts were paged in the group (its leader and those attached). */
  async groupSize(manager: EntityManager, tenantId: string, groupKey: string): Promise<number> {
    const [{ n }] = await manager.query(
      `SELECT count(*)::int AS n FROM quality.alerts WHERE tenant_id = $1 AND group_key = $2 AND state <> 'resolved' AND (body->>'paged')::boolean`,
      [tenantId, groupKey],
    );
    return n;
  }

  /** Inserts a new open alert; false when one is open for its rule and scope already (a concurrent batch won). */
  async insert(manager: EntityManager, alert: Alert): Promise<boolean> {
    const rows = await manager.query(
      `INSERT INTO quality.alerts (alert_id, tenant_id, rule_id, scope, state, group_key, body) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)
       ON CONFLICT (tenant_id, rule_id, scope) WHERE state <> 'resolved' DO NOTHING RETURNING alert_id`,
      [alert.alertId, alert.tenantId, alert.ruleId, alert.scope, alert.state, alert.groupKey, JSON.stringify(alert)],
    );
    return rows.length > 0;
  }

  async saveMany(manager: EntityManager, alerts: readonly Alert[]): Promise<void> {
    if (alerts.length === 0) return;
    await manager.query(
      `UPDATE quality.alerts a SET state = u.state, body = u.body, updated_at = now()
       FROM unnest($1::text[], $2::text[], $3::jsonb[]) AS u(alert_id, state, body) WHERE a.alert_id = u.alert_id`,
      [alerts.map((a) => a.alertId), alerts.map((a) => a.state), alerts.map((a) => JSON.stringify(a))],
    );
  }

  async appendHistory(manager: EntityManager, entries: readonly { tenantId: string; alertId: string; entry: HistoryEntry }[]): Promise<void> {
    if (entries.length === 0) return;
    await manager.query(
      `INSERT INTO quality.alert_history (tenant_id, alert_id, at, kind, actor, detail, published)
       SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::jsonb[], $6::jsonb[], $7::text[])`,
      [
        entries.map((e) => e.tenantId),
        entries.map((e) => e.alertId),
        entries.map((e) => new Date(e.entry.at).toISOString()),
        entries.map((e) => e.entry.kind),
        entries.map((e) => (e.entry.actor ? JSON.stringify(e.entry.actor) : null)),
        entries.map((e) => (e.entry.detail ? JSON.stringify(e.entry.detail) : null)),
        entries.map((e) => e.entry.published ?? null),
      ],
    );
  }

  async history(manager: EntityManager, tenantId: string, alertId: string): Promise<HistoryEntry[]> {
    const rows: HistoryRow[] = await manager.query(
      `SELECT at, kind, actor, detail, published FROM quality.alert_history WHERE tenant_id = $1 AND alert_id = $2 ORDER BY seq`,
      [tenantId, alertId],
    );
    return rows.map((r) => ({
      at: r.at.getTime(),
      kind: r.kind,
      ...(r.actor ? { actor: r.actor } : {}),
      ...(r.detail ? { detail: r.detail } : {}),
      ...(r.published ? { published: r.published } : {}),
    }));
  }

  /** Newest first; `cursor` is the last page's last `seq`. */
  async list(manager: EntityManager, tenantId: string, query: { state?: AlertState | 'open'; limit: number; cursor?: string }): Promise<{ items: Alert[]; nextCursor: string | null }> {
    const params: unknown[] = [tenantId, query.limit + 1];
    let where = 'tenant_id = $1';
    if (query.state === 'open') where += ` AND state <> 'resolved'`;
    else if (query.state) {
      params.push(query.state);
      where += ` AND state = $${params.length}`;
    }
    if (query.cursor) {
      params.push(query.cursor);
      where += ` AND seq < $${params.length}::bigint`;
    }
    const rows: AlertRow[] = await manager.query(`SELECT seq, body FROM quality.alerts WHERE ${where} ORDER BY seq DESC LIMIT $2`, params);
    const page = rows.slice(0, query.limit);
    return { items: page.map((r) => r.body), nextCursor: rows.length > query.limit ? String(page[page.length - 1].seq) : null };
  }
}
