import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SlaTimelineEntry } from '../sla/domain';
import { type CaseClocksView, CaseClocksRepository } from './case-clocks.repository';

export type { CaseClocksView, OpenDeadlineView } from './case-clocks.repository';

/** What the case API reads of a case's clocks: open deadlines, a standing breach, timeline entries. */
@Injectable()
export class CaseClockReads {
  constructor(private readonly clocks: CaseClocksRepository) {}

  /** Each case's view; a case with no clocks has no deadline and no breach. */
  async viewsOf(tenantId: string, caseIds: readonly string[]): Promise<Map<string, CaseClocksView>> {
    return this.clocks.viewsOf(tenantId, caseIds);
  }

  /** One case's view; in `manager`'s transaction if given (to answer with what the transaction just changed). */
  async viewOf(tenantId: string, caseId: string, manager?: EntityManager): Promise<CaseClocksView> {
    return (await this.clocks.viewsOf(tenantId, [caseId], manager)).get(caseId) ?? { openDeadlines: [], breached: false };
  }

  /** Every clock entry of the case, oldest first, each with its timeline key. */
  timelineOf(tenantId: string, caseId: string): Promise<{ entry: SlaTimelineEntry; key: string }[]> {
    return this.clocks.timelineOf(tenantId, caseId);
  }
}
