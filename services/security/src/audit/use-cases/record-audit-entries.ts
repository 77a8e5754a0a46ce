import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager, QueryRunner } from 'typeorm';
import type { CloudEvent } from '@hotline/contracts';
import { AuditAnchorsRepository } from '../audit-anchors.repository';
import { AUDIT_ANCHOR_KEY } from '../audit-anchor-key.provider';
import { AuditEntriesRepository } from '../audit-entries.repository';
import { EMPTY_CHAIN, linkEntries } from '../domain/audit-chain';
import { type AuditRecord, auditRecordOf } from '../domain/audit-record';
import { anchorDue, GENESIS_SIGNATURE, signAnchor } from '../domain/chain-anchor';

/**
 * Enters events in their tenants' chains, a transaction's worth at a time. The transport hands
 * handlers one event at a time inside one batch transaction; `execute` only collects the record,
 * and `commit` (run just before that transaction commits, see AuditCommitSubscriber) appends each
 * tenant's records: one lock, one head read and one multi-row insert per tenant per batch.
 *
 * Nothing about the chain is kept between transactions: a batch that fails rolls back whole, and
 * each member retried alone reads the head afresh, so it links to what was committed. Redelivered
 * events never get here (the inbox dedupes them in the same transaction).
 */
@Injectable()
export class RecordAuditEntries {
  private readonly pending = new WeakMap<QueryRunner, Map<string, AuditRecord[]>>();
  /** The anchor rule's clock; a test may replace it. */
  now: () => Date = () => new Date();

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
   * Appends what the transaction collected. Tenants are locked in name order, so two transactions
   * holding several tenants each never wait on each other in a cycle; the locks are held until the
   * transaction ends, which is right after.
   */
  async commit(manager: EntityManager): Promise<void> {
    const transaction = transactionOf(manager);
    const byTenant = this.pending.get(transaction);
    if (!byTenant) return;
    this.pending.delete(transaction);
    for (const tenantId of [...byTenant.keys()].sort()) await this.appendForTenant(manager, tenantId, byTenant.get(tenantId) as AuditRecord[]);
  }

  /** Forgets what a transaction that rolled back had collected. */
  discard(manager: EntityManager): void {
    if (manager.queryRunner) this.pending.delete(manager.queryRunner);
  }

  private async appendForTenant(manager: EntityManager, tenantId: string, records: AuditRecord[]): Promise<void> {
    await this.entries.lockChain(manager, tenantId);
    const { head, lastAnchor } = await this.entries.tip(manager, tenantId);
    const linked = linkEntries(head ?? EMPTY_CHAIN, records);
    const seqs = await this.entries.append(manager, linked);
    const newHead = linked[linked.length - 1];
    const signedAt = this.now();
    if (!anchorDue(lastAnchor, newHead.position, signedAt)) return;
    await this.anchors.add(
      manager,
      signAnchor(this.anchorKey, {
        tenantId,
        position: newHead.position,
        seq: seqs[seqs.length - 1],
        eventId: newHead.eventId,
        hash: newHead.hash,
        signedAt,
        prevSignature: lastAnchor?.signature ?? GENESIS_SIGNATURE,
      }),
    );
  }
}

/** The transaction a handler's manager runs in: a manager outside one is a wiring mistake. */
function transactionOf(manager: EntityManager): QueryRunner {
  if (!manager.queryRunner?.isTransactionActive) throw new Error('audit entries are recorded inside the transaction of an event batch');
  return manager.queryRunner;
}
