import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { CloudEvent } from '@hotline/contracts';
import { AuditEntryEntity } from './audit-entry.entity';
import { appendToChain, type ChainVerdict, digestPayload, GENESIS_HASH, verifyChain } from './domain/audit-chain';

@Injectable()
export class AuditTrailService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends the event to its tenant's hash chain. The transaction-scoped advisory lock makes
   * appends for one tenant take turns, so two deliveries never link to the same predecessor.
   */
  async record(manager: EntityManager, event: CloudEvent): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`audit:${event.tenantid}`]);
    const last = await manager.findOne(AuditEntryEntity, { where: { tenantId: event.tenantid }, order: { seq: 'DESC' } });
    const entry = appendToChain(last?.hash ?? GENESIS_HASH, {
      tenantId: event.tenantid,
      eventId: event.id,
      type: event.type,
      occurredAt: event.time,
      source: event.source,
      payloadDigest: digestPayload(event),
    });
    await manager.insert(AuditEntryEntity, entry);
  }

  async verify(tenantId: string): Promise<ChainVerdict> {
    const entries = await this.dataSource.getRepository(AuditEntryEntity).find({ where: { tenantId }, order: { seq: 'ASC' } });
    return verifyChain(entries);
  }

  list(tenantId: string, limit: number): Promise<AuditEntryEntity[]> {
    return this.dataSource.getRepository(AuditEntryEntity).find({ where: { tenantId }, order: { seq: 'DESC' }, take: limit });
  }
}
