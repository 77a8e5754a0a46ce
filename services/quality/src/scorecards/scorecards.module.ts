import { Module } from '@nestjs/common';
import { KpisModule } from '../kpis/kpis.module';
import { AttributionRepository } from './attribution.repository';
import { DisputesController } from './disputes.controller';
import { DisputesRepository } from './disputes.repository';
import { LedgerEventsHandler } from './ledger-events.handler';
import { LedgerRepository } from './ledger.repository';
import { SchemeController } from './scheme.controller';
import { SchemeRepository } from './scheme.repository';
import { ScorecardsClock } from './scorecards-clock';
import { ScorecardsController } from './scorecards.controller';
import { DisputeEntries } from './use-cases/dispute-entries';
import { ManageScheme } from './use-cases/manage-scheme';
import { ReadScorecards } from './use-cases/read-scorecards';
import { RecordLedger } from './use-cases/record-ledger';
import { LedgerPort } from './ledger-port';

/**
 * Assessment (MANUAL 5.4, issue 11 part 5): the points ledger fed by `quality.ledger`, the
 * tenant's points scheme, monthly scorecards and disputes. KPIs are read through the KPIs' port.
 */
@Module({
  imports: [KpisModule],
  controllers: [ScorecardsController, SchemeController, DisputesController, LedgerEventsHandler],
  providers: [
    LedgerRepository,
    SchemeRepository,
    DisputesRepository,
    AttributionRepository,
    { provide: ScorecardsClock, useFactory: () => new ScorecardsClock() },
    RecordLedger,
    ManageScheme,
    ReadScorecards,
    DisputeEntries,
    LedgerPort,
  ],
  exports: [LedgerPort],
})
export class ScorecardsModule {}
