import { Controller } from '@nestjs/common';
import type { KnownCloudEvent } from '@hotline/contracts';
import { type EventBatchTransaction, OnEventBatch } from '@hotline/messaging';
import { RecordComplianceVerdicts } from './use-cases/record-compliance-verdicts';

/**
 * Consumes `quality.compliance` a batch at a time: case deadlines' stops, breaches and withdrawals
 * become compliance facts. The KPIs hear the same breaches on their own queue.
 */
@Controller()
export class ComplianceEventsHandler {
  constructor(private readonly record: RecordComplianceVerdicts) {}

  @OnEventBatch('sla.stopped', { queue: 'compliance' })
  async onStops(events: readonly KnownCloudEvent<'sla.stopped'>[], tx: EventBatchTransaction): Promise<void> {
    await this.record.execute(tx.manager, events);
  }

  @OnEventBatch('sla.breached', { queue: 'compliance' })
  async onBreaches(events: readonly KnownCloudEvent<'sla.breached'>[], tx: EventBatchTransaction): Promise<void> {
    await this.record.execute(tx.manager, events);
  }

  @OnEventBatch('sla.withdrawn', { queue: 'compliance' })
  async onWithdrawals(events: readonly KnownCloudEvent<'sla.withdrawn'>[], tx: EventBatchTransaction): Promise<void> {
    await this.record.execute(tx.manager, events);
  }
}
