import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseTimelineSources, type SourcedTimelineEntry } from '../cases/case-timeline-sources';
import { OutageRepository } from './outage.repository';

/** A case's attachment to a declared outage, as an `outage` item of its timeline (registered with CaseTimelineSources at init). */
@Injectable()
export class OutageTimeline implements OnModuleInit {
  // A hybrid app (HTTP plus the AMQP transport) runs init hooks once for each.
  private registered = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sources: CaseTimelineSources,
    private readonly outages: OutageRepository,
  ) {}

  onModuleInit(): void {
    if (this.registered) return;
    this.registered = true;
    this.sources.add((tenantId, caseId) => this.entriesOf(tenantId, caseId));
  }

  async entriesOf(tenantId: string, caseId: string): Promise<SourcedTimelineEntry[]> {
    const attachment = await this.outages.attachmentOf(this.dataSource.manager, tenantId, caseId);
    if (!attachment) return [];
    const { outageId, attachedAt, region, severity } = attachment;
    return [{ at: attachedAt, key: `o${outageId}`, item: { kind: 'outage', at: attachedAt.toISOString(), event: 'attached', outageId, region, severity } }];
  }
}
