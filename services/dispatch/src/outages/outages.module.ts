import { Module } from '@nestjs/common';
import { CaseClocksModule } from '../case-clocks/case-clocks.module';
import { CasesModule } from '../cases/cases.module';
import { OutageCoverage } from './outage-coverage';
import { OutageRepository } from './outage.repository';
import { OutageTimeline } from './outage-timeline';
import { OutagesController } from './outages.controller';
import { DeclareOutage } from './use-cases/declare-outage';
import { FindOutages } from './use-cases/find-outage';
import { OutageCaseHooks } from './use-cases/outage-case-hooks';
import { ResolveOutage } from './use-cases/resolve-outage';

/**
 * Major network outages (issue 10 part 6): a parent case with its region's cases attached, resolved
 * together. It hears of case openings and moves through CasesModule's CaseLifecycle, so cases know
 * nothing of outages. `OutageCoverage` flags the case clocks' breaches under an open outage `causedByOutage`. Needs the outages migration.
 */
@Module({
  imports: [CasesModule, CaseClocksModule],
  controllers: [OutagesController],
  providers: [OutageRepository, OutageCaseHooks, OutageTimeline, DeclareOutage, ResolveOutage, FindOutages, OutageCoverage],
  exports: [OutageCoverage],
})
export class OutagesModule {}
