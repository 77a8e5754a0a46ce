import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { MinuteCounters } from './domain/window-counters';

/** A change to one scope's minute. */
export interface MinuteDelta {
  tenantId: string;
  scope: string;
  minute: number;
  region: string | null;
  counters: MinuteCounters;
}

/** A scope's minutes in a time range, and the region its contacts last named. */
export interface ScopeWindow {
  series: Map<number, MinuteCounters>;
  region: string | null;
}

interface MinuteRow {
  scope: string;
  minute: Date;
  queued: number;
  offered: number;
  in_target: number;
  abandoned: number;
  region: string | null;
}

/** `quality.alert_minutes`: per tenant, scope (`tenant`, `queue:<name>`) and minute of event time, the queue outcomes. */
@Injectable()
export class AlertMinutesRepository {
  /** Adds the deltas in one statement (deltas for one key are summed first: a statement upserts a row once). */
  async addMany(manager: EntityManager, deltas: readonly MinuteDelta[]): Promise<void> {
    const summed = new Map<string, MinuteDelta>();
    for (const d of deltas) {
      const key = JSON.stringify([d.tenantId, d.scope, d.minute]);
      const held = summed.get(key);
      if (!held) summed.set(key, { ...d, counters: { ...d.counters } });
      else {
        for (const k of Object.keys(d.counters) as (keyof MinuteCounters)[]) held.counters[k] += d.counters[k];
        held.region = d.region ?? held.region;
      }
    }
    const rows = [...summed.values()];
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO quality.alert_minutes AS m (tenant_id, scope, minute, queued, offered, in_target, abandoned, region)
       SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::int[], $5::int[], $6::int[], $7::int[], $8::text[])
       ORDER BY 1, 2, 3
       ON CONFLICT (tenant_id, scope, minute) DO UPDATE SET
         queued = m.queued + excluded.queued, offered = m.offered + excluded.offered,
         in_target = m.in_target + excluded.in_target, abandoned = m.abandoned + excluded.abandoned,
         region = coalesce(excluded.region, m.region)`,
      [
        rows.map((r) => r.tenantId),
        rows.map((r) => r.scope),
        rows.map((r) => new Date(r.minute).toISOString()),
        rows.map((r) => r.counters.queued),
        rows.map((r) => r.counters.offered),
        rows.map((r) => r.counters.inTarget),
        rows.map((r) => r.counters.abandoned),
        rows.map((r) => r.region),
      ],
    );
  }

  /** The scopes' minutes from `sinceMs` on, keyed by scope. */
  async windows(manager: EntityManager, tenantId: string, scopes: readonly string[], sinceMs: number): Promise<Map<string, ScopeWindow>> {
    const out = new Map<string, ScopeWindow>(scopes.map((s) => [s, { series: new Map(), region: null }]));
    if (scopes.length === 0) return out;
    const rows: MinuteRow[] = await manager.query(
      `SELECT scope, minute, queued, offered, in_target, abandoned, region FROM quality.alert_minutes
       WHERE tenant_id = $1 AND scope = ANY($2::text[]) AND minute >= $3 ORDER BY minute`,
      [tenantId, [...scopes], new Date(sinceMs).toISOString()],
    );
    for (const row of rows) {
      const window = out.get(row.scope) as ScopeWindow;
      window.series.set(row.minute.getTime(), { queued: row.queued, offered: row.offered, inTarget: row.in_target, abandoned: row.abandoned });
      if (row.region !== null) window.region = row.region;
    }
    return out;
  }

  async prune(manager: EntityManager, olderThanMs: number): Promise<void> {
    await manager.query(`DELETE FROM quality.alert_minutes WHERE minute < now() - $1::float8 * interval '1 millisecond'`, [olderThanMs]);
  }
}
