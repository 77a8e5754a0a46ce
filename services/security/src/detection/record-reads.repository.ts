import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReadKind } from './domain/bulk-read';

export interface RecordRead {
  tenantId: string;
  eventSource: string;
  eventId: string;
  actorId: string;
  kind: ReadKind;
  records: number;
  at: Date;
}

/** The audited reads and exports counted for bulk-read detection; every query names the tenant. */
@Injectable()
export class RecordReadsRepository {
  /** Serialises one user's reads of a kind, so concurrent ones are summed one after the other. */
  async lock(manager: EntityManager, tenantId: string, actorId: string, kind: ReadKind): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`security.record_reads|${tenantId}|${actorId}|${kind}`]);
  }

  /** Keeps a read once (by its event's source and id); false when it was seen already. */
  async record(manager: EntityManager, read: RecordRead): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO security.record_reads (tenant_id, event_source, event_id, actor_id, kind, records, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING event_id`,
      [read.tenantId, read.eventSource, read.eventId, read.actorId, read.kind, read.records, read.at],
    );
    return rows.length > 0;
  }

  /** The records one user read (or exported) in [from, to]. */
  async recordsBetween(manager: EntityManager, tenantId: string, actorId: string, kind: ReadKind, from: Date, to: Date): Promise<number> {
    const [row] = await manager.query(
      `SELECT coalesce(sum(records), 0)::int AS records FROM security.record_reads
       WHERE tenant_id = $1 AND actor_id = $2 AND kind = $3 AND at >= $4 AND at <= $5`,
      [tenantId, actorId, kind, from, to],
    );
    return Number(row.records);
  }
}
