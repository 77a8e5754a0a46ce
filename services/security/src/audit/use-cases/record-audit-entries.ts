import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CloudEvent } from '@hotline/contracts';
import { AuditAnchorsRepository } from '../audit-anchors.repository';
import { AUDIT_ANCHOR_KEY } from '../audit-anchor-key.provider';
import { AuditEntriesRepository } from '../audit-entries.repository';
import { EMPTY_CHAIN, linkEntries } from '../domain/audit-chain';
import { type AuditRecord, auditRecordOf } from '../domain/audit-record';
import { anchorDue, type ChainAnchor, GENESIS_SIGNATURE, signAnchor } from '../domain/chain-anchor';

/**
 * Enters a batch's events in their tenants' chains, in the batch's transaction (the transport calls
 * the audit handler once per batch): one lock statement, one head read and one multi-row insert,
 * whatever its tenants.
 *
 * Nothing about the chain is kept between transactions: a batch that fails rolls back whole, and
 * each member retried alone reads the head afresh, so it links to what was committed. Redelivered
 * events never get here (the inbox dedupes them in the same transaction).
 */
@Injectable()
export class RecordAuditEntries {
  constructor(
    private readonly entries: AuditEntriesRepository,
    private readonly anchors: AuditAnchorsRepository,
    @Inject(AUDIT_ANCHOR_KEY) private readonly anchorKey: Buffer,
  ) {}

  /**
   * Appends the events' entries for all their tenants at once, in delivery order per tenant: one
   * statement locks their chains (in name order, so two batches never wait on each other in a
   * cycle), one reads their heads, one inserts every entry, and one more writes the anchors due.
   * The locks are held until `manager`'s transaction ends, so it must be one.
   */
  async execute(manager: EntityManager, events: readonly CloudEvent[]): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) throw new Error('audit entries are appended inside a transaction');
    if (events.length === 0) return;
    const byTenant = new Map<string, AuditRecord[]>();
    for (const event of events) {
      const records = byTenant.get(event.tenantid) ?? [];
      byTenant.set(event.tenantid, records);
      records.push(auditRecordOf(event));
    }
    const tenantIds = [...byTenant.keys()].sort();
    await this.entries.lockChains(manager, tenantIds);
    const tips = await this.entries.tips(manager, tenantIds);
    const linked = tenantIds.map((tenantId) => linkEntries(tips.get(tenantId)?.head ?? EMPTY_CHAIN, byTenant.get(tenantId) as AuditRecord[]));
    const seqs = await this.entries.append(manager, linked.flat());
    const signedAt = new Date();
    const anchors: ChainAnchor[] = [];
    let appended = 0;
    for (const [index, tenantId] of tenantIds.entries()) {
      appended += linked[index].length;
      const head = linked[index][linked[index].length - 1];
      const lastAnchor = tips.get(tenantId)?.lastAnchor;
      if (!anchorDue(lastAnchor, head.position, signedAt)) continue;
      const { position, eventId, hash } = head;
      const prevSignature = lastAnchor?.signature ?? GENESIS_SIGNATURE;
      anchors.push(signAnchor(this.anchorKey, { tenantId, position, seq: seqs[appended - 1], eventId, hash, signedAt, prevSignature }));
    }
    await this.anchors.add(manager, anchors);
  }
}
