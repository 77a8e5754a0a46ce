import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ChainAnchor } from './domain/chain-anchor';
import { AuditAnchorEntity } from './audit-anchor.entity';

/** Where anchors are kept: written in the batch's transaction, read by seq range for verification. */
@Injectable()
export class AuditAnchorsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async add(manager: EntityManager, anchors: readonly ChainAnchor[]): Promise<void> {
    if (anchors.length === 0) return;
    await manager.insert(
      AuditAnchorEntity,
      anchors.map((anchor) => ({ ...anchor, position: String(anchor.position) })),
    );
  }

  /** The tenant's anchors with a seq after `afterSeq` and, if given, up to `uptoSeq`, in seq order. */
  async between(tenantId: string, afterSeq: string, uptoSeq?: string): Promise<ChainAnchor[]> {
    const query = this.dataSource
      .getRepository(AuditAnchorEntity)
      .createQueryBuilder('a')
      .where('a.tenant_id = :tenantId AND a.seq > :afterSeq', { tenantId, afterSeq });
    if (uptoSeq !== undefined) query.andWhere('a.seq <= :uptoSeq', { uptoSeq });
    const rows = await query.orderBy('a.seq', 'ASC').getMany();
    return rows.map((row) => ({ ...row, position: Number(row.position) }));
  }

  /** The tenant's first anchor past `afterSeq`, if any: one there means entries were cut from the end. */
  async firstAfter(tenantId: string, afterSeq: string): Promise<ChainAnchor | undefined> {
    const row = await this.dataSource
      .getRepository(AuditAnchorEntity)
      .createQueryBuilder('a')
      .where('a.tenant_id = :tenantId AND a.seq > :afterSeq', { tenantId, afterSeq })
      .orderBy('a.seq', 'ASC')
      .getOne();
    return row ? { ...row, position: Number(row.position) } : undefined;
  }
}
