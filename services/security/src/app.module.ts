import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessagingModule, outboxParkingMigration } from '@hotline/messaging';
import { databaseOptions, PlatformModule } from '@hotline/platform';
import { tenantStandardsMigration, TenantStandardsModule } from '@hotline/tenant-standards';
import { AuditEntryEntity } from './audit/audit-entry.entity';
import { AuditModule } from './audit/audit.module';
import { CreateSecuritySchema1764028800000 } from './database/migrations/1764028800000-create-security-schema';

@Module({
  imports: [
    PlatformModule.forRoot({ service: 'security' }),
    TypeOrmModule.forRootAsync(
      databaseOptions({
        schema: 'security',
        entities: [AuditEntryEntity],
        migrations: [CreateSecuritySchema1764028800000, outboxParkingMigration('security'), tenantStandardsMigration('security')],
      }),
    ),
    MessagingModule.forRoot({ service: 'security', schema: 'security' }),
    TenantStandardsModule.forRoot({ schema: 'security' }),
    AuditModule,
  ],
})
export class AppModule {}
