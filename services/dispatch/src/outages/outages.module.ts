import { Module } from '@nestjs/common';
import { systemClock } from '@hotline/timers';
import { ServiceCaseRepository } from '../cases/service-case.repository';
import { OutageCoverage } from './outage-coverage';
import { OutageRepository } from './outage.repository';
import { OUTAGES_CLOCK } from './outages-clock';
import { OutagesController } from './outages.controller';
import { DeclareOutage } from './use-cases/declare-outage';
import { FindOutages } from './use-cases/find-outage';
import { OutageCaseHooks } from './use-cases/outage-case-hooks';
import { ResolveOutage } from './use-cases/resolve-outage';

/**
 * Major network outages (issue 10 part 6): a parent case with its region's cases attached, resolved
 * together. CasesModule imports this one (opening and moving a case call `OutageCaseHooks`), so it
 * keeps its own case repository instead of importing CasesModule back (no module cycle).
 * `OutageCoverage` is for the SLA engine's `causedByOutage`. Needs the outages migration.
 */
@Module({
  controllers: [OutagesController],
  providers: [{ provide: OUTAGES_CLOCK, useValue: systemClock }, ServiceCaseRepository, OutageRepository, OutageCaseHooks, DeclareOutage, ResolveOutage, FindOutages, OutageCoverage],
  exports: [OutageCaseHooks, OutageCoverage],
})
export class OutagesModule {}
