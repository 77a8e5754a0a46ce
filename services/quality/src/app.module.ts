import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessagingModule, outboxParkingMigration } from '@hotline/messaging';
import { databaseOptions, PlatformModule } from '@hotline/platform';
import { tenantStandardsMigration, TenantStandardsModule } from '@hotline/tenant-standards';
import { durableTimersMigration, TimersModule } from '@hotline/timers';
import { AlertDeliveryModule } from './alert-delivery/alert-delivery.module';
import { CreateQualitySchema1764028800000 } from './database/migrations/1764028800000-create-quality-schema';
import { KpiFactsAndCells1796500000000 } from './database/migrations/1796500000000-kpi-facts-and-cells';
import { Scores1796700000000 } from './database/migrations/1796700000000-scores';
import { AlertDelivery1797000000000 } from './database/migrations/1797000000000-alert-delivery';
import { ContactTallyEntity } from './kpis/contact-tally.entity';
import { KpisModule } from './kpis/kpis.module';
import { ScoreEntity } from './scoring/score.entity';
import { ScoringModule } from './scoring/scoring.module';

@Module({
  imports: [
    PlatformModule.forRoot({ service: 'quality' }),
    TypeOrmModule.forRootAsync(
      databaseOptions({
        schema: 'quality',
        entities: [ContactTallyEntity, ScoreEntity],
        migrations: [
          CreateQualitySchema1764028800000,
          outboxParkingMigration('quality'),
          tenantStandardsMigration('quality'),
          KpiFactsAndCells1796500000000,
          Scores1796700000000,
          durableTimersMigration('quality'),
          AlertDelivery1797000000000,
        ],
      }),
    ),
    MessagingModule.forRoot({ service: 'quality', schema: 'quality' }),
    TenantStandardsModule.forRoot({ schema: 'quality' }),
    TimersModule.forRoot({ schema: 'quality' }),
    KpisModule,
    ScoringModule,
    AlertDeliveryModule,
  ],
})
export class AppModule {}
