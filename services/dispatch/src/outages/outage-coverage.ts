import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseOutageCoverage } from '../case-clocks/case-outage-coverage';
import { OutageRepository } from './outage.repository';

/**
 * Whether a case's trouble is the network's: registered with the case clocks at init, so a case
 * breach under an outage that was open at the breach is flagged `causedByOutage` and quality does
 * not penalise agents for it (issue 10 part 6).
 */
@Injectable()
export class OutageCoverage implements OnModuleInit {
  // A hybrid app (HTTP plus the AMQP transport) runs init hooks once for each.
  private registered = false;

  constructor(
    private readonly outages: OutageRepository,
    private readonly caseClocks: CaseOutageCoverage,
  ) {}

  onModuleInit(): void {
    if (this.registered) return;
    this.registered = true;
    this.caseClocks.register((manager, tenantId, caseId, at) => this.coveringOutage(manager, tenantId, caseId, at));
  }

  /** The id of the outage the case is a child of, if it was open at `at`; otherwise undefined. */
  coveringOutage(manager: EntityManager, tenantId: string, caseId: string, at: Date): Promise<string | undefined> {
    return this.outages.covering(manager, tenantId, caseId, at);
  }
}
