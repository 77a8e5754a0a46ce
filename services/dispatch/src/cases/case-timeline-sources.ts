import { Injectable } from '@nestjs/common';
import type { CaseTimelineItem } from './case-timeline-response';

/** A timeline item from another capability, with the key that orders it among items of the same instant. */
export interface SourcedTimelineEntry {
  at: Date;
  key: string;
  item: CaseTimelineItem;
}

/** Another capability's entries of one case (its escalation, its outage), read when the timeline is asked for. */
export type CaseTimelineSource = (tenantId: string, caseId: string) => Promise<SourcedTimelineEntry[]>;

/**
 * Where capabilities built on cases (escalation, outages) add their entries to a case's timeline
 * without the cases capability knowing them: they register at init, as CaseLifecycle listeners do.
 */
@Injectable()
export class CaseTimelineSources {
  private readonly sources: CaseTimelineSource[] = [];

  add(source: CaseTimelineSource): void {
    this.sources.push(source);
  }

  async entriesOf(tenantId: string, caseId: string): Promise<SourcedTimelineEntry[]> {
    return (await Promise.all(this.sources.map((source) => source(tenantId, caseId)))).flat();
  }
}
