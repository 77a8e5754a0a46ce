import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutageRepository } from './outage.repository';

/**
 * Whether a case's trouble is the network's: where case breaches are built, `causedByOutage` is
 * set when the case is a child of an outage that was open at the breach, so quality does not
 * penalise agents for it (issue 10 part 6).
 */
@Injectable()
export class OutageCoverage {
  constructor(private readonly outages: OutageRepository) {}

  /** The id of the outage the case is a child of, if it was open at `at`; otherwise undefined. */
  coveringOutage(manager: EntityManager, tenantId: string, caseId: string, at: Date): Promise<string | undefined> {
    return this.outages.covering(manager, tenantId, caseId, at);
  }
}
