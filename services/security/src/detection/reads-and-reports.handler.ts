import { Controller } from '@nestjs/common';
import type { KnownCloudEvent } from '@hotline/contracts';
import { type EventTransaction, OnEvent } from '@hotline/messaging';
import { DetectBulkReads } from './use-cases/detect-bulk-reads';
import { DetectPlatformReports } from './use-cases/detect-platform-reports';

/**
 * Also on `security.detection` (its own queue, so the audit trail's `#` queue is not slowed):
 * audited reads and exports, and what platforms report. The inbox drops redeliveries.
 */
@Controller()
export class ReadsAndReportsHandler {
  constructor(
    private readonly bulkReads: DetectBulkReads,
    private readonly platformReports: DetectPlatformReports,
  ) {}

  @OnEvent('audit.recorded', { queue: 'detection' })
  async onAudit(event: KnownCloudEvent<'audit.recorded'>, tx: EventTransaction): Promise<void> {
    await this.bulkReads.execute(tx.manager, event);
  }

  @OnEvent('security.reported', { queue: 'detection' })
  async onReported(event: KnownCloudEvent<'security.reported'>, tx: EventTransaction): Promise<void> {
    await this.platformReports.execute(tx.manager, event);
  }
}
