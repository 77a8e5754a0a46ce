import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessagingModule, outboxParkingMigration } from '@hotline/messaging';
import { databaseOptions, PlatformModule } from '@hotline/platform';
import { tenantStandardsMigration, TenantStandardsModule } from '@hotline/tenant-standards';
import { CaseHistoryEntity } from './cases/case-history.entity';
import { CasesModule } from './cases/cases.module';
import { ServiceCaseEntity } from './cases/service-case.entity';
import { CreateDispatchSchema1764028800000 } from './database/migrations/1764028800000-create-dispatch-schema';

@Module({
  imports: [
    PlatformModule.forRoot({ service: 'dispatch' }),
    TypeOrmModule.forRootAsync(
      databaseOptions({
        schema: 'dispatch',
        entities: [ServiceCaseEntity, CaseHistoryEntity],
        migrations: [CreateDispatchSchema1764028800000, outboxParkingMigration('dispatch'), tenantStandardsMigration('dispatch')],
      }),
    ),
    MessagingModule.forRoot({ service: 'dispatch', schema: 'dispatch' }),
    TenantStandardsModule.forRoot({ schema: 'dispatch' }),
    CasesModule,
  ],
})
export class AppModule {}
