import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type CaseTimelineItem, toTimelineItem } from '../case-timeline-response';
import { encodeCursor } from '../page-cursor';
import { type PageRequest, ServiceCaseRepository, type TimelineKey } from '../service-case.repository';

/** A page of a case's timeline, oldest first; undefined when the tenant has no such case. */
@Injectable()
export class CaseTimeline {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: ServiceCaseRepository,
  ) {}

  async execute(tenantId: string, caseId: string, page: PageRequest<TimelineKey>): Promise<{ items: CaseTimelineItem[]; nextCursor: string | null } | undefined> {
    if (!(await this.cases.find(this.dataSource.manager, tenantId, caseId))) return undefined;
    const rows = await this.cases.timeline(tenantId, caseId, page);
    const last = rows.at(-1);
    const nextCursor = rows.length === page.limit && last ? encodeCursor([last.at.toISOString(), last.key]) : null;
    return { items: rows.map(toTimelineItem), nextCursor };
  }
}
