import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseClockReads } from '../../case-clocks/case-clock-reads';
import { type CaseTimelineItem, toClockItem, toTimelineItem } from '../case-timeline-response';
import { CaseTimelineSources } from '../case-timeline-sources';
import { encodeCursor } from '../page-cursor';
import { type PageRequest, ServiceCaseRepository, type TimelineKey } from '../service-case.repository';

interface Keyed {
  at: number;
  key: string;
  item: CaseTimelineItem;
}

const byKey = (a: Keyed, b: Keyed) => a.at - b.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * A page of a case's timeline, oldest first: its events, transitions and record changes (a page of
 * them from the cases tables) merged with its SLA clock entries and what other capabilities add
 * (its outage, its escalation: a case has a few of each),
 * ordered by (time, key) so the cursor works across all of them. Undefined when the tenant has no such case.
 */
@Injectable()
export class CaseTimeline {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: ServiceCaseRepository,
    private readonly clocks: CaseClockReads,
    private readonly sources: CaseTimelineSources,
  ) {}

  async execute(tenantId: string, caseId: string, page: PageRequest<TimelineKey>): Promise<{ items: CaseTimelineItem[]; nextCursor: string | null } | undefined> {
    if (!(await this.cases.find(this.dataSource.manager, tenantId, caseId))) return undefined;
    const rows = await this.cases.timeline(tenantId, caseId, page);
    const after: Keyed | undefined = page.after && { at: Date.parse(page.after[0]), key: page.after[1], item: undefined as never };
    const others = [
      ...(await this.clocks.timelineOf(tenantId, caseId)).map(({ entry, key }): Keyed => ({ at: Date.parse(entry.at), key, item: toClockItem(entry) })),
      ...(await this.sources.entriesOf(tenantId, caseId)).map(({ at, key, item }): Keyed => ({ at: at.getTime(), key, item })),
    ].filter((entry) => !after || byKey(entry, after) > 0);
    const merged = [...rows.map((row): Keyed => ({ at: row.at.getTime(), key: row.key, item: toTimelineItem(row) })), ...others].sort(byKey).slice(0, page.limit);
    const last = merged.at(-1);
    const nextCursor = merged.length === page.limit && last ? encodeCursor([new Date(last.at).toISOString(), last.key]) : null;
    return { items: merged.map((entry) => entry.item), nextCursor };
  }
}
