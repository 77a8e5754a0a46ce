import { Controller } from '@nestjs/common';
import type { KnownCloudEvent } from '@hotline/contracts';
import { type EventTransaction, OnEvent } from '@hotline/messaging';
import { RecordAuditEntries } from './use-cases/record-audit-entries';

/**
 * Consumes `security.audit`: every event on the bus is entered in its tenant's audit trail. The
 * entry is appended with the rest of its batch when the batch's transaction commits.
 */
@Controller()
export class AuditEventsHandler {
  constructor(private readonly recordAuditEntries: RecordAuditEntries) {}

  @OnEvent('#', { queue: 'audit' })
  async onAnyEvent(event: KnownCloudEvent, tx: EventTransaction): Promise<void> {
    this.recordAuditEntries.execute(tx.manager, event);
  }
}
