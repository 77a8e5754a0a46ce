import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager, QueryRunner } from 'typeorm';
import type { CloudEvent } from '@hotline/contracts';
import { AuditAnchorsRepository } from '../audit-anchors.repository';
import { AUDIT_ANCHOR_KEY } from '../audit-anchor-key.provider';
import { AuditEntriesRepository } from '../audit-entries.repository';
import { EMPTY_CHAIN, linkEntries } from '../domain/audit-chain';
import { type AuditRecord, auditRecordOf } from '../domain/audit-record';
import { anchorDue, type ChainAnchor, GENESIS_SIGNATURE, signAnchor } from '../domain/chain-anchor';

/**
 * Enters events in their tenants' chains, a transaction's worth at a time. The transport hands
 * handlers one event at a time inside one batch transaction; `execute` only collects the record,
 * and `commit` (run just before that transaction commits, see AuditCommitSubscriber) appends them:
 * one lock statement, one head read and one multi-row insert per batch, whatever its tenants.
 *
 * Nothing about the chain is kept between transactions: a batch that fails rolls back whole, and
 * each member retried alone reads the head afresh, so it links to what was committed. Redelivered
 * events never get here (the inbox dedupes them in the same transaction).
 */
@Injectable()
export class RecordAuditEntries {
  private readonly pending = new WeakMap<QueryRunner, Map<string, AuditRecord[]>>();
  constructor(
    private readonly entries: AuditEntriesRepository,
    private readonly anchors: AuditAnchorsRepository,
    @Inject(AUDIT_ANCHOR_KEY) private readonly anchorKey: Buffer,
  ) {}

  /** Collects the event's record for the transaction `manager` belongs to. */
  execute(manager: EntityManager, event: CloudEvent): void {
    const transaction = transactionOf(manager);
    const byTenant = this.pending.get(transaction) ?? new Map<string, AuditRecord[]>();
    this.pending.set(transaction, byTenant);
    const records = byTenant.get(event.tenantid) ?? [];
    byTenant.set(event.tenantid, records);
    records.push(auditRecordOf(event));
  }

  /**
   * Appends what the transaction collected, for all its tenants at once: one statement locks their
   * chains (in name order, so two batches never wait on each other in a cycle), one reads their
   * heads, one inserts every entry, and one more writes the anchors due. The locks are held until
   * the transaction ends, which is right after.
   */
  async commit(manager: EntityManager): Promise<void> {
    const transaction = transactionOf(manager);
    const byTenant = this.pending.get(transaction);
    if (!byTenant) return;
    this.pending.delete(transaction);
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

  /** Forgets what a transaction that rolled back had collected. */
  discard(manager: EntityManager): void {
    if (manager.queryRunner) this.pending.delete(manager.queryRunner);
  }
}

/** The transaction a handler's manager runs in: a manager outside one is a wiring mistake. */
function transactionOf(manager: EntityManager): QueryRunner {
  if (!manager.queryRunner?.isTransactionActive) throw new Error('audit entries are recorded inside the transaction of an event batch');
  return manager.queryRunner;
}
