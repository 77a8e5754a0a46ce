import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseTimelineSources, type SourcedTimelineEntry } from '../cases/case-timeline-sources';
import { EscalationRepository } from './escalation.repository';

/** A case's escalation steps as `escalation` items of its timeline (registered with CaseTimelineSources at init). */
@Injectable()
export class EscalationTimeline implements OnModuleInit {
  // A hybrid app (HTTP plus the AMQP transport) runs init hooks once for each.
  private registered = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sources: CaseTimelineSources,
    private readonly escalations: EscalationRepository,
  ) {}

  onModuleInit(): void {
    if (this.registered) return;
    this.registered = true;
    this.sources.add((tenantId, caseId) => this.entriesOf(tenantId, caseId));
  }

  async entriesOf(tenantId: string, caseId: string): Promise<SourcedTimelineEntry[]> {
    const entries = await this.escalations.entries(this.dataSource.manager, tenantId, caseId);
    return entries.map(({ at, event, level, reason, late, actorId }, n) => ({
      at,
      key: `s${String(n).padStart(6, '0')}`,
      item: { kind: 'escalation', at: at.toISOString(), event, level, reason, late, actorId },
    }));
  }
}
