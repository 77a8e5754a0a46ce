import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CorrelationContext, Outbox } from '@hotline/messaging';
import type { CaseActor } from '../../cases/domain/service-case';
import { regionAudit, type RegionSetting } from '../domain/region';
import { RegionSwitches } from '../region-switches';
import { RegionsRepository } from '../regions.repository';
import { REGIONS_CLOCK, type RegionsClock } from '../regions-clock';

/**
 * A tenant's regions. `put` names a region rural or a town's, with `audit.recorded`, in one transaction. It decides the
 * repair clock of cases whose clocks start from then on, and re-plans the running (or paused)
 * repair clocks of the region's cases in the same transaction (a policy change: elapsed and
 * paused time kept). Setting what is already set changes and publishes nothing.
 */
@Injectable()
export class AdministerRegions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regions: RegionsRepository,
    private readonly outbox: Outbox,
    private readonly switches: RegionSwitches,
    @Inject(REGIONS_CLOCK) private readonly clock: RegionsClock,
  ) {}

  put(tenantId: string, region: string, rural: boolean, actor: CaseActor): Promise<RegionSetting> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.regions.find(manager, tenantId, region, true);
      if (before && before.rural === rural && before.region === region) return before;
      const setting: RegionSetting = { tenantId, region, rural, updatedAt: this.clock.now() };
      await this.regions.save(manager, setting);
      await this.outbox.add(manager, [regionAudit(setting, before, actor, CorrelationContext.current()?.correlationId)]);
      // A region nobody named is a town's: naming it a town's changes no clock.
      if ((before?.rural ?? false) !== rural) await this.switches.switched(manager, setting);
      return setting;
    });
  }

  find(tenantId: string, region: string): Promise<RegionSetting | undefined> {
    return this.regions.find(this.dataSource.manager, tenantId, region);
  }
}
