import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessagingModule, outboxParkingMigration } from '@hotline/messaging';
import { databaseOptions, PlatformModule } from '@hotline/platform';
import { tenantStandardsMigration, TenantStandardsModule } from '@hotline/tenant-standards';
import { durableTimersMigration, TimersModule } from '@hotline/timers';
import { AlertDeliveryModule } from './alert-delivery/alert-delivery.module';
import { AlertsModule } from './alerts/alerts.module';
import { CreateQualitySchema1764028800000 } from './database/migrations/1764028800000-create-quality-schema';
import { KpiFactsAndCells1796500000000 } from './database/migrations/1796500000000-kpi-facts-and-cells';
import { Scores1796700000000 } from './database/migrations/1796700000000-scores';
import { ComplianceFacts1797000000000 } from './database/migrations/1797000000000-compliance-facts';
import { ComplianceModule } from './compliance/compliance.module';
import { Scorecards1797100000000 } from './database/migrations/1797100000000-scorecards';
import { ImprovementActionsModule } from './improvement-actions/improvement-actions.module';
import { Alerts1797200000000 } from './database/migrations/1797200000000-alerts';
import { AlertDelivery1797300000000 } from './database/migrations/1797300000000-alert-delivery';
import { UnscoredTranscripts1797400000000 } from './database/migrations/1797400000000-unscored-transcripts';
import { FollowUpKpi1797410000000 } from './database/migrations/1797410000000-follow-up-kpi';
import { CaseDeadlineKpi1797420000000 } from './database/migrations/1797420000000-case-deadline-kpi';
import { ContactTallyEntity } from './kpis/contact-tally.entity';
import { KpisModule } from './kpis/kpis.module';
import { ScoreEntity } from './scoring/score.entity';
import { ScorecardsModule } from './scorecards/scorecards.module';
import { ScoringModule } from './scoring/scoring.module';

@Module({
  imports: [
    PlatformModule.forRoot({ service: 'quality' }),
    TypeOrmModule.forRootAsync(
      databaseOptions({
        schema: 'quality',
        entities: [ContactTallyEntity, ScoreEntity],
        migrations: [CreateQualitySchema1764028800000, outboxParkingMigration('quality'), tenantStandardsMigration('quality'), KpiFactsAndCells1796500000000, Scores1796700000000, ComplianceFacts1797000000000, Scorecards1797100000000, durableTimersMigration('quality'), Alerts1797200000000, AlertDelivery1797300000000, UnscoredTranscripts1797400000000, FollowUpKpi1797410000000, CaseDeadlineKpi1797420000000],
      }),
    ),
    MessagingModule.forRoot({ service: 'quality', schema: 'quality' }),
    TenantStandardsModule.forRoot({ schema: 'quality' }),
    TimersModule.forRoot({ schema: 'quality' }),
    KpisModule,
    ScoringModule,
    ComplianceModule,
    ScorecardsModule,
    AlertDeliveryModule,
    AlertsModule,
    ImprovementActionsModule,
  ],
})
export class AppModule {}
