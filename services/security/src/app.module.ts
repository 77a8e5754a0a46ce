import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessagingModule, outboxParkingMigration } from '@hotline/messaging';
import { databaseOptions, PlatformModule } from '@hotline/platform';
import { tenantStandardsMigration, TenantStandardsModule } from '@hotline/tenant-standards';
import { durableTimersMigration, TimersModule } from '@hotline/timers';
import { AuditAnchorEntity } from './audit/audit-anchor.entity';
import { AuditEntryEntity } from './audit/audit-entry.entity';
import { AuditModule } from './audit/audit.module';
import { AccessDenialEntity } from './incidents/access-denial.entity';
import { IncidentTimelineEntity } from './incidents/incident-timeline.entity';
import { IncidentEntity } from './incidents/incident.entity';
import { IncidentsModule } from './incidents/incidents.module';
import { DetectionModule } from './detection/detection.module';
import { InspectionsModule } from './inspections/inspections.module';
import { CreateSecuritySchema1764028800000 } from './database/migrations/1764028800000-create-security-schema';
import { AuditChainBatchesAnchorsSearch1796000200000 } from './database/migrations/1796000200000-audit-chain-batches-anchors-search';
import { SecurityIncidents1796800000000 } from './database/migrations/1796800000000-security-incidents';
import { IncidentResponse1796900000000 } from './database/migrations/1796900000000-incident-response';
import { RecordReads1797000000000 } from './database/migrations/1797000000000-record-reads';
import { Inspections1797000100000 } from './database/migrations/1797000100000-inspections';
import { ResponsePlans1797500000000 } from './database/migrations/1797500000000-response-plans';

@Module({
  imports: [
    PlatformModule.forRoot({ service: 'security' }),
    TypeOrmModule.forRootAsync(
      databaseOptions({
        schema: 'security',
        entities: [AuditEntryEntity, AuditAnchorEntity, IncidentEntity, IncidentTimelineEntity, AccessDenialEntity],
        migrations: [
          CreateSecuritySchema1764028800000,
          outboxParkingMigration('security'),
          tenantStandardsMigration('security'),
          AuditChainBatchesAnchorsSearch1796000200000,
          SecurityIncidents1796800000000,
          durableTimersMigration('security'),
          IncidentResponse1796900000000,
          RecordReads1797000000000,
          Inspections1797000100000,
          ResponsePlans1797500000000,
        ],
      }),
    ),
    MessagingModule.forRoot({ service: 'security', schema: 'security' }),
    TenantStandardsModule.forRoot({ schema: 'security' }),
    TimersModule.forRoot({ schema: 'security' }),
    AuditModule,
    IncidentsModule,
    DetectionModule,
    InspectionsModule,
  ],
})
export class AppModule {}
