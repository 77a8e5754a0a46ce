import { Module } from '@nestjs/common';
import { systemClock } from '@hotline/timers';
import { CalendarsModule } from '../calendars/calendars.module';
import { RegionsModule } from '../regions/regions.module';
import { CaseClockReads } from './case-clock-reads';
import { CaseClockSignals } from './case-clock-signals';
import { CaseClockSteps } from './case-clock-steps';
import { CaseClockTimer } from './case-clock.timer';
import { CaseClocksRepository } from './case-clocks.repository';
import { CaseOutageCoverage } from './case-outage-coverage';
import { CASE_CLOCKS_NOW } from './case-clocks-now';
import { CasePolicies } from './case-policies';
import { RepairClockReplans } from './repair-clock-replans';
import { FireCaseClock } from './use-cases/fire-case-clock';

/**
 * Every SLA clock of a case (issue 10 part 3): the sla/domain clock model persisted per (tenant,
 * case, policy), driven by the `CaseSignals` port (CaseClockSignals) and by one durable timer per
 * clock, publishing `sla.warned`, `sla.breached` and `sla.withdrawn` through the outbox. CasesModule
 * imports it for the port and for the reads its routes show. Needs `TimersModule`, the outbox and
 * `TenantStandardsModule` (global) and the case clocks migration; RegionsModule for the rural regions
 * (and to re-plan running repair clocks when a region switches: RepairClockReplans); CalendarsModule
 * for the business calendar and budgets by priority each clock is created with.
 */
@Module({
  imports: [RegionsModule, CalendarsModule],
  providers: [
    { provide: CASE_CLOCKS_NOW, useValue: systemClock },
    CaseClocksRepository,
    CasePolicies,
    CaseClockSteps,
    CaseClockSignals,
    FireCaseClock,
    CaseClockTimer,
    CaseClockReads,
    CaseOutageCoverage,
    RepairClockReplans,
  ],
  exports: [CaseClockSignals, CaseClockReads, CaseOutageCoverage],
})
export class CaseClocksModule {}
