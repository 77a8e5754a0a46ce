import { ReadAudit } from './read-audit';
import { Module } from '@nestjs/common';
import { systemClock } from '@hotline/timers';
import { CaseEventsHandler } from './case-events.handler';
import { CaseClockSignals } from '../case-clocks/case-clock-signals';
import { CaseClocksModule } from '../case-clocks/case-clocks.module';
import { CaseLifecycle } from './case-lifecycle';
import { CaseSignals } from './case-signals';
import { CaseTimelineSources } from './case-timeline-sources';
import { CASES_CLOCK } from './cases-clock';
import { CasesController } from './cases.controller';
import { ServiceCaseRepository } from './service-case.repository';
import { AmendCaseRecord } from './use-cases/amend-case-record';
import { CaseTimeline } from './use-cases/case-timeline';
import { ChangeCasePriority } from './use-cases/change-case-priority';
import { FindCase } from './use-cases/find-case';
import { ListCases } from './use-cases/list-cases';
import { OpenCase } from './use-cases/open-case';
import { TransitionCase } from './use-cases/transition-case';

/**
 * Service cases through the manual's stages, laid out as every capability is: `domain/` (the case
 * aggregate and its stage table), a repository mapping rows to the aggregate, use cases, and the
 * HTTP and message adapters that call them.
 */
@Module({
  imports: [CaseClocksModule],
  controllers: [CasesController, CaseEventsHandler],
  providers: [
    { provide: CASES_CLOCK, useValue: systemClock },
    { provide: CaseSignals, useExisting: CaseClockSignals },
    CaseLifecycle,
    CaseTimelineSources,
    ServiceCaseRepository,
    OpenCase,
    TransitionCase,
    AmendCaseRecord,
    ChangeCasePriority,
    FindCase,
    ListCases,
    CaseTimeline,
    ReadAudit,
  ],
  exports: [ReadAudit, CaseSignals, CaseLifecycle, CaseTimelineSources, ServiceCaseRepository, CASES_CLOCK, TransitionCase],
})
export class CasesModule {}
