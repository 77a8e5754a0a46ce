import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LabelMatcher, Silence } from './domain/silence';

export interface StoredSilence extends Silence {
  tenantId: string;
  reason: string;
  createdBy: string;
  createdAt: number;
  expiredBy: string | null;
}

interface SilenceRow {
  seq: string;
  silence_id: string;
  tenant_id: string;
  matchers: LabelMatcher[];
  starts_at: Date;
  ends_at: Date;
  reason: string;
  created_by: string;
  created_at: Date;
  expired_at: Date | null;
  expired_by: string | null;
}

const toSilence = (r: SilenceRow): StoredSilence => ({
  silenceId: r.silence_id,
  tenantId: r.tenant_id,
  matchers: r.matchers,
  startsAt: r.starts_at.getTime(),
  endsAt: r.ends_at.getTime(),
  expiredAt: r.expired_at?.getTime() ?? null,
  reason: r.reason,
  createdBy: r.created_by,
  createdAt: r.created_at.getTime(),
  expiredBy: r.expired_by,
});

/** `quality.alert_silences`: who silenced what, why, until when. */
@Injectable()
export class SilencesRepository {
  /** The tenant's silences in force at `nowMs`. */
  async active(manager: EntityManager, tenantId: string, nowMs: number): Promise<StoredSilence[]> {
    const now = new Date(nowMs).toISOString();
    const rows: SilenceRow[] = await manager.query(
      `SELECT * FROM quality.alert_silences WHERE tenant_id = $1 AND starts_at <= $2 AND ends_at > $2 AND (expired_at IS NULL OR expired_at > $2) ORDER BY seq`,
      [tenantId, now],
    );
    return rows.map(toSilence);
  }

  async insert(manager: EntityManager, s: StoredSilence): Promise<void> {
    await manager.query(
      `INSERT INTO quality.alert_silences (silence_id, tenant_id, matchers, starts_at, ends_at, reason, created_by, created_at) VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $8)`,
      [s.silenceId, s.tenantId, JSON.stringify(s.matchers), new Date(s.startsAt).toISOString(), new Date(s.endsAt).toISOString(), s.reason, s.createdBy, new Date(s.createdAt).toISOString()],
    );
  }

  async find(manager: EntityManager, tenantId: string, silenceId: string, lock = false): Promise<StoredSilence | undefined> {
    const [row]: SilenceRow[] = await manager.query(`SELECT * FROM quality.alert_silences WHERE tenant_id = $1 AND silence_id = $2${lock ? ' FOR UPDATE' : ''}`, [tenantId, silenceId]);
    return row && toSilence(row);
  }

  async expire(manager: EntityManager, tenantId: string, silenceId: string, atMs: number, by: string): Promise<void> {
    await manager.query(`UPDATE quality.alert_silences SET expired_at = $3, expired_by = $4 WHERE tenant_id = $1 AND silence_id = $2`, [tenantId, silenceId, new Date(atMs).toISOString(), by]);
  }

  /** Newest first, ended ones too when `all`. */
  async list(manager: EntityManager, tenantId: string, query: { limit: number; cursor?: string; activeAt?: number }): Promise<{ items: StoredSilence[]; nextCursor: string | null }> {
    const params: unknown[] = [tenantId, query.limit + 1];
    let where = 'tenant_id = $1';
    if (query.activeAt !== undefined) {
      params.push(new Date(query.activeAt).toISOString());
      where += ` AND ends_at > $3 AND (expired_at IS NULL OR expired_at > $3)`;
    }
    if (query.cursor) {
      params.push(query.cursor);
      where += ` AND seq < $${params.length}::bigint`;
    }
    const rows: SilenceRow[] = await manager.query(`SELECT * FROM quality.alert_silences WHERE ${where} ORDER BY seq DESC LIMIT $2`, params);
    const page = rows.slice(0, query.limit);
    return { items: page.map(toSilence), nextCursor: rows.length > query.limit ? String(page[page.length - 1].seq) : null };
  }
}
