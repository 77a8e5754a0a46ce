import { Controller } from '@nestjs/common';
import type { KnownCloudEvent } from '@hotline/contracts';
import { type EventBatchTransaction, OnEventBatch } from '@hotline/messaging';
import { RecordAuditEntries } from './use-cases/record-audit-entries';

/**
 * Consumes `security.audit`: every event on the bus is entered in its tenant's audit trail, a
 * batch at a time (the chains are locked and read once per batch, not once per event).
 */
@Controller()
export class AuditEventsHandler {
  constructor(private readonly recordAuditEntries: RecordAuditEntries) {}

  @OnEventBatch('#', { queue: 'audit' })
  async onEvents(events: readonly KnownCloudEvent[], tx: EventBatchTransaction): Promise<void> {
    await this.recordAuditEntries.execute(tx.manager, events);
  }
}
