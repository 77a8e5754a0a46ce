import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ruralRegionsOf } from './domain/region';
import { RegionsRepository } from './regions.repository';

/** What case clocks ask when they choose a case's repair clock: is the case's region one its tenant named rural? */
@Injectable()
export class RuralRegions {
  constructor(private readonly regions: RegionsRepository) {}

  /** The rural regions among the case's (its own, or none), read in the caller's transaction. */
  async of(manager: EntityManager, tenantId: string, caseRegion: string | undefined): Promise<ReadonlySet<string>> {
    if (caseRegion === undefined) return new Set();
    const setting = await this.regions.find(manager, tenantId, caseRegion);
    return ruralRegionsOf(caseRegion, () => setting?.rural === true);
  }
}
