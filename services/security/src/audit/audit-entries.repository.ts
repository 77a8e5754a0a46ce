import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ChainedAuditEntry, ChainHead, HashVersion } from './domain/audit-chain';
import type { LastAnchor } from './domain/chain-anchor';
import type { StoredAuditEntry } from './domain/chain-verification';

/** A tenant's chain head and last anchor, as a batch commit finds them under the tenant's lock. */
export interface ChainTip {
  head?: ChainHead & { seq: string };
  lastAnchor?: LastAnchor;
}

/** `GET /v1/audit/entries` filters: all optional but the tenant; `before` is the cursor (a seq). */
export interface AuditEntrySearch {
  tenantId: string;
  actor?: string;
  subject?: string;
  type?: string;
  from?: Date;
  to?: Date;
  before?: string;
  limit: number;
}

/** Where entries are kept: maps rows to domain entries; appends run in the caller's transaction. */
@Injectable()
export class AuditEntriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Makes appends to these tenants' chains take turns until the caller's transaction ends, so two
   * batches never link to the same head, and seqs follow positions within a tenant. One statement
   * for all of them, taking the locks in the order given (unnest yields the array in order): callers
   * pass the tenants sorted, so two batches never wait on each other in a cycle.
   */
  async lockChains(manager: EntityManager, tenantIds: readonly string[]): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('audit:' || t.tenant_id)) FROM unnest($1::text[]) WITH ORDINALITY AS t(tenant_id, n) ORDER BY n`, [tenantIds]);
  }

  /**
   * Each tenant's head and last anchor, in one round trip; call it holding the tenants' locks, in a
   * statement after the one that took them, so its snapshot sees what the previous holder committed.
   */
  async tips(manager: EntityManager, tenantIds: readonly string[]): Promise<Map<string, ChainTip>> {
    const rows: { tenant_id: string; position: string | null; seq: string | null; hash: string | null; anchor_position: string | null; signed_at: Date | null; signature: string | null }[] =
      await manager.query(
        `SELECT t.tenant_id, e.position, e.seq, e.hash, a.position AS anchor_position, a.signed_at, a.signature
         FROM unnest($1::text[]) AS t(tenant_id)
         LEFT JOIN LATERAL (SELECT position, seq, hash FROM security.audit_entries WHERE tenant_id = t.tenant_id ORDER BY seq DESC LIMIT 1) e ON true
         LEFT JOIN LATERAL (SELECT position, signed_at, signature FROM security.audit_anchors WHERE tenant_id = t.tenant_id ORDER BY position DESC LIMIT 1) a ON true`,
        [tenantIds],
      );
    return new Map(
      rows.map((row) => [
        row.tenant_id,
        {
          head: row.position !== null ? { position: Number(row.position), seq: String(row.seq), hash: row.hash as string } : undefined,
          lastAnchor: row.anchor_position !== null ? { position: Number(row.anchor_position), signedAt: row.signed_at as Date, signature: row.signature as string } : undefined,
        },
      ]),
    );
  }

  /**
   * One multi-row insert for a batch's entries, each tenant's consecutive and in position order;
   * seqs are drawn in that order (the ORDER BY feeds the insert), which verification relies on.
   * Returns each entry's seq, in the order given.
   */
  async append(manager: EntityManager, entries: readonly ChainedAuditEntry[]): Promise<string[]> {
    const column = <T>(pick: (entry: ChainedAuditEntry) => T): T[] => entries.map(pick);
    const rows: { tenant_id: string; position: string; seq: string }[] = await manager.query(
      `INSERT INTO security.audit_entries
         (tenant_id, position, event_id, type, source, occurred_at, occurred_time, payload_digest, actor, subject, hash_version, prev_hash, hash)
       SELECT tenant_id, position, event_id, type, source, occurred_at, occurred_time, payload_digest, actor, subject, hash_version, prev_hash, hash
       FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::text[], $9::text[], $10::text[], $11::smallint[], $12::text[], $13::text[])
         WITH ORDINALITY AS r(tenant_id, position, event_id, type, source, occurred_at, occurred_time, payload_digest, actor, subject, hash_version, prev_hash, hash, n)
       ORDER BY n
       RETURNING tenant_id, position, seq`,
      [
        column((e) => e.tenantId),
        column((e) => e.position),
        column((e) => e.eventId),
        column((e) => e.type),
        column((e) => e.source),
        column((e) => e.occurredAt),
        column((e) => instantOrNull(e.occurredAt)),
        column((e) => e.payloadDigest),
        column((e) => e.actor),
        column((e) => e.subject),
        column((e) => e.hashVersion),
        column((e) => e.prevHash),
        column((e) => e.hash),
      ],
    );
    const seqs = new Map(rows.map((row) => [`${row.tenant_id}:${row.position}`, String(row.seq)]));
    return entries.map((entry) => seqs.get(`${entry.tenantId}:${entry.position}`) as string);
  }

  /** Up to `limit` entries of the tenant after `afterSeq`, in seq order: one page of verification. */
  async pageAfter(tenantId: string, afterSeq: string, limit: number): Promise<StoredAuditEntry[]> {
    const rows: AuditEntryRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM security.audit_entries WHERE tenant_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [tenantId, afterSeq, limit],
    );
    return rows.map(toDomain);
  }

  /** The tenant's entries matching the search, newest first. */
  async search({ tenantId, actor, subject, type, from, to, before, limit }: AuditEntrySearch): Promise<StoredAuditEntry[]> {
    const parameters: unknown[] = [tenantId];
    const where = ['tenant_id = $1'];
    const filter = (condition: string, value: unknown) => {
      if (value === undefined) return;
      parameters.push(value);
      where.push(condition.replace('?', `$${parameters.length}`));
    };
    filter('actor = ?', actor);
    filter('subject = ?', subject);
    filter('type = ?', type);
    filter('occurred_time >= ?', from);
    filter('occurred_time < ?', to);
    filter('seq < ?', before);
    parameters.push(limit);
    const rows: AuditEntryRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM security.audit_entries WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT $${parameters.length}`,
      parameters,
    );
    return rows.map(toDomain);
  }
}

/** Read with plain SQL rather than entities: verification reads every row of a chain. */
const COLUMNS = 'seq, tenant_id, position, event_id, type, source, occurred_at, payload_digest, actor, subject, hash_version, prev_hash, hash, recorded_at';

interface AuditEntryRow {
  seq: string;
  tenant_id: string;
  position: string;
  event_id: string;
  type: string;
  source: string;
  occurred_at: string;
  payload_digest: string;
  actor: string | null;
  subject: string | null;
  hash_version: number;
  prev_hash: string;
  hash: string;
  recorded_at: Date;
}

function toDomain(row: AuditEntryRow): StoredAuditEntry {
  return {
    seq: String(row.seq),
    tenantId: row.tenant_id,
    position: Number(row.position),
    eventId: row.event_id,
    type: row.type,
    source: row.source,
    occurredAt: row.occurred_at,
    payloadDigest: row.payload_digest,
    actor: row.actor,
    subject: row.subject,
    hashVersion: row.hash_version as HashVersion,
    prevHash: row.prev_hash,
    hash: row.hash,
    recordedAt: row.recorded_at,
  };
}

/** The event time as a timestamp for search, or null when it is not one PostgreSQL would read the same. */
function instantOrNull(text: string): string | null {
  const time = new Date(text);
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}
