import { Module } from '@nestjs/common';
import { systemClock } from '@hotline/timers';
import { IncidentsModule } from '../incidents/incidents.module';
import { InspectionDueTimer } from './inspection-due.timer';
import { InspectionsController } from './inspections.controller';
import { INSPECTIONS_CLOCK } from './inspections-clock';
import { InspectionsRepository } from './inspections.repository';
import { FireOverdueInspection } from './use-cases/fire-overdue-inspection';
import { ListInspections } from './use-cases/list-inspections';
import { PutInspection } from './use-cases/put-inspection';
import { RecordInspectionResults } from './use-cases/record-inspection-results';

/**
 * Inspections (issue 12 part 4, MANUAL ch. 7.4): scheduled checklists, results with findings, and
 * an `inspection_overdue` incident when a due date passes without results (a durable timer, so one
 * that fell due while security was down fires at start). Needs `TimersModule` and migration 1797000100000.
 */
@Module({
  imports: [IncidentsModule],
  controllers: [InspectionsController],
  providers: [
    { provide: INSPECTIONS_CLOCK, useValue: systemClock },
    InspectionsRepository,
    PutInspection,
    RecordInspectionResults,
    ListInspections,
    FireOverdueInspection,
    InspectionDueTimer,
  ],
})
export class InspectionsModule {}
