import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessagingModule, outboxParkingMigration } from '@hotline/messaging';
import { databaseOptions, PlatformModule } from '@hotline/platform';
import { tenantStandardsMigration, TenantStandardsModule } from '@hotline/tenant-standards';
import { AuditAnchorEntity } from './audit/audit-anchor.entity';
import { AuditEntryEntity } from './audit/audit-entry.entity';
import { AuditModule } from './audit/audit.module';
import { CreateSecuritySchema1764028800000 } from './database/migrations/1764028800000-create-security-schema';
import { AuditChainBatchesAnchorsSearch1796000200000 } from './database/migrations/1796000200000-audit-chain-batches-anchors-search';

@Module({
  imports: [
    PlatformModule.forRoot({ service: 'security' }),
    TypeOrmModule.forRootAsync(
      databaseOptions({
        schema: 'security',
        entities: [AuditEntryEntity, AuditAnchorEntity],
        migrations: [
          CreateSecuritySchema1764028800000,
          outboxParkingMigration('security'),
          tenantStandardsMigration('security'),
          AuditChainBatchesAnchorsSearch1796000200000,
        ],
      }),
    ),
    MessagingModule.forRoot({ service: 'security', schema: 'security' }),
    TenantStandardsModule.forRoot({ schema: 'security' }),
    AuditModule,
  ],
})
export class AppModule {}
