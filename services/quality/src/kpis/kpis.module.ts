import { Module } from '@nestjs/common';
import { ContactKpiFactsRepository } from './contact-kpi-facts.repository';
import { ContactTallyRepository } from './contact-tally.repository';
import { CustomerContactsRepository } from './customer-contacts.repository';
import { CaseDeadlineFactsRepository } from './case-deadline-facts.repository';
import { KpiCellsRepository } from './kpi-cells.repository';
import { KpiConfig } from './kpi-config';
import { KpiEventsHandler } from './kpi-events.handler';
import { KpisPort } from './kpis-port';
import { KpisController } from './kpis.controller';
import { RepeatContactFlags } from './repeat-contact-flags';
import { CountContactEvents } from './use-cases/count-contact-events';
import { ListContactTallies } from './use-cases/list-contact-tallies';
import { ReadKpis } from './use-cases/read-kpis';
import { RecordCaseDeadlineFacts } from './use-cases/record-case-deadline-facts';
import { RecordKpiFacts } from './use-cases/record-kpi-facts';

/**
 * KPIs, laid out as every capability is: `domain/` (plain rules), a repository mapping rows to
 * domain objects, use cases, and the HTTP and message adapters that call them.
 */
@Module({
  controllers: [KpisController, KpiEventsHandler],
  providers: [
    ContactTallyRepository,
    ContactKpiFactsRepository,
    KpiCellsRepository,
    CaseDeadlineFactsRepository,
    CustomerContactsRepository,
    RepeatContactFlags,
    { provide: KpiConfig, useFactory: () => new KpiConfig() },
    CountContactEvents,
    ListContactTallies,
    RecordKpiFacts,
    RecordCaseDeadlineFacts,
    ReadKpis,
    KpisPort,
  ],
  exports: [KpisPort],
})
export class KpisModule {}
