import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { ScorecardsModule } from '../scorecards/scorecards.module';
import { ImprovementActionsClock } from './improvement-actions-clock';
import { ImprovementActionsController } from './improvement-actions.controller';
import { ImprovementActionsRepository } from './improvement-actions.repository';
import { TrackImprovementActions } from './use-cases/track-improvement-actions';

/** Improvement actions (MANUAL 5.3): corrective actions opened from an alert, a scorecard or a ledger entry, tracked to closure; an alert or ledger entry it names must exist (asked through their modules' ports). */
@Module({
  imports: [AlertsModule, ScorecardsModule],
  controllers: [ImprovementActionsController],
  providers: [ImprovementActionsRepository, TrackImprovementActions, { provide: ImprovementActionsClock, useFactory: () => new ImprovementActionsClock() }],
})
export class ImprovementActionsModule {}
