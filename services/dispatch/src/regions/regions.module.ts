import { Module } from '@nestjs/common';
import { systemClock } from '@hotline/timers';
import { REGIONS_CLOCK } from './regions-clock';
import { RegionsController } from './regions.controller';
import { RegionSwitches } from './region-switches';
import { RegionsRepository } from './regions.repository';
import { RuralRegions } from './rural-regions';
import { AdministerRegions } from './use-cases/administer-regions';

/**
 * A tenant's rural regions (the 72 h fault repair of 《电信条例》): an admin API and the read case
 * clocks make when they choose a fault's repair clock (CaseClocksModule imports it for RuralRegions,
 * and registers with RegionSwitches to re-plan running repair clocks when a region switches).
 * Needs the regions migration and the outbox.
 */
@Module({
  controllers: [RegionsController],
  providers: [{ provide: REGIONS_CLOCK, useValue: systemClock }, RegionsRepository, RuralRegions, RegionSwitches, AdministerRegions],
  exports: [RuralRegions, RegionSwitches],
})
export class RegionsModule {}
