import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntitySubscriberInterface, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { RecordAuditEntries } from './use-cases/record-audit-entries';

/**
 * Hooks the batch transaction's commit: the transport gives handlers no end-of-batch call, and
 * TypeORM tells subscribers just before a transaction commits, in it. That is when the collected
 * audit records are appended, so a batch costs one lock, one head read and one insert per tenant.
 * A failure there rolls the batch back like any handler's failure would.
 */
@Injectable()
export class AuditCommitSubscriber implements EntitySubscriberInterface {
  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly recordAuditEntries: RecordAuditEntries,
  ) {
    dataSource.subscribers.push(this);
  }

  beforeTransactionCommit({ manager }: TransactionCommitEvent): Promise<void> {
    return this.recordAuditEntries.commit(manager);
  }

  afterTransactionRollback({ manager }: TransactionRollbackEvent): void {
    this.recordAuditEntries.discard(manager);
  }
}
