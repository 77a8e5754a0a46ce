import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessagingModule } from '@hotline/messaging';
import { databaseOptions, PlatformModule } from '@hotline/platform';
import { TenantStandardsModule } from '@hotline/tenant-standards';
import { TimersModule } from '@hotline/timers';
import { SECURITY_MIGRATIONS } from './database/security-migrations';
import { AuditAnchorEntity } from './audit/audit-anchor.entity';
import { AuditEntryEntity } from './audit/audit-entry.entity';
import { AuditModule } from './audit/audit.module';
import { AccessDenialEntity } from './incidents/access-denial.entity';
import { IncidentTimelineEntity } from './incidents/incident-timeline.entity';
import { IncidentEntity } from './incidents/incident.entity';
import { IncidentsModule } from './incidents/incidents.module';
import { DetectionModule } from './detection/detection.module';
import { InspectionsModule } from './inspections/inspections.module';

@Module({
  imports: [
    PlatformModule.forRoot({ service: 'security' }),
    TypeOrmModule.forRootAsync(
      databaseOptions({
        schema: 'security',
        entities: [AuditEntryEntity, AuditAnchorEntity, IncidentEntity, IncidentTimelineEntity, AccessDenialEntity],
        migrations: SECURITY_MIGRATIONS,
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
