import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The declared outage covering a case at an instant (the case is its child and it was open then), if any. */
export type OutageLookup = (manager: EntityManager, tenantId: string, caseId: string, at: Date) => Promise<string | undefined>;

/**
 * Whether a case's breach is the network's (issue 10 part 6): a breach under an open outage is
 * flagged `causedByOutage`, so quality does not penalise agents for it. Outages register their
 * lookup at start, since they build on cases (and so on these clocks): the modules depend one way.
 */
@Injectable()
export class CaseOutageCoverage {
  private lookup: OutageLookup | undefined;

  register(lookup: OutageLookup): void {
    if (this.lookup) throw new Error('an outage lookup is registered already');
    this.lookup = lookup;
  }

  async covering(manager: EntityManager, tenantId: string, caseId: string, at: Date): Promise<string | undefined> {
    return this.lookup?.(manager, tenantId, caseId, at);
  }
}
