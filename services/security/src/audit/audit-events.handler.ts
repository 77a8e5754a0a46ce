import { Controller } from '@nestjs/common';
import type { KnownCloudEvent } from '@hotline/contracts';
import { type EventTransaction, OnEvent } from '@hotline/messaging';
import { AuditTrailService } from './audit-trail.service';

/** Consumes `security.audit`: every event on the bus is entered in the tenant's audit trail. */
@Controller()
export class AuditEventsHandler {
  constructor(private readonly trail: AuditTrailService) {}

  @OnEvent('#', { queue: 'audit' })
  async onAnyEvent(event: KnownCloudEvent, tx: EventTransaction): Promise<void> {
    await this.trail.record(tx.manager, event);
  }
}
