import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessagingModule, outboxParkingMigration } from '@hotline/messaging';
import { databaseOptions, PlatformModule } from '@hotline/platform';
import { tenantStandardsMigration, TenantStandardsModule } from '@hotline/tenant-standards';
import { durableTimersMigration, TimersModule } from '@hotline/timers';
import { CaseHistoryEntity } from './cases/case-history.entity';
import { CaseRecordChangeEntity } from './cases/case-record-change.entity';
import { CaseTransitionEntity } from './cases/case-transition.entity';
import { CalendarsModule } from './calendars/calendars.module';
import { CasesModule } from './cases/cases.module';
import { ServiceCaseEntity } from './cases/service-case.entity';
import { ComplaintEntity } from './complaints/complaint.entity';
import { ComplaintEntryEntity } from './complaints/complaint-entry.entity';
import { ComplaintsModule } from './complaints/complaints.module';
import { ContactsModule } from './contacts/contacts.module';
import { CreateDispatchSchema1764028800000 } from './database/migrations/1764028800000-create-dispatch-schema';
import { CaseStages1764460800000 } from './database/migrations/1764460800000-case-stages';
import { CreateContactClocks1796000200000 } from './database/migrations/1796000200000-create-contact-clocks';
import { CreateCaseClocks1796100000000 } from './database/migrations/1796100000000-create-case-clocks';
import { CreateRouting1796200000000 } from './database/migrations/1796200000000-create-routing';
import { CreateEscalations1796300000000 } from './database/migrations/1796300000000-create-escalations';
import { CreateOutages1796300100000 } from './database/migrations/1796300100000-create-outages';
import { CreateComplaints1796400000000 } from './database/migrations/1796400000000-create-complaints';
import { CreateCaseRecordChanges1796900000000 } from './database/migrations/1796900000000-create-case-record-changes';
import { CreateRegions1796900100000 } from './database/migrations/1796900100000-create-regions';
import { CreateEscalationEntries1796900200000 } from './database/migrations/1796900200000-create-escalation-entries';
import { CreateBusinessCalendars1797000000000 } from './database/migrations/1797000000000-create-business-calendars';
import { SlaPolicyWarnPoints1797000100000 } from './database/migrations/1797000100000-sla-policy-warn-points';
import { ContactClockClosedAt1797000200000 } from './database/migrations/1797000200000-contact-clock-closed-at';
import { ContactClockWarnPoints1797000300000 } from './database/migrations/1797000300000-contact-clock-warn-points';
import { EscalationModule } from './escalation/escalation.module';
import { OutagesModule } from './outages/outages.module';
import { RegionsModule } from './regions/regions.module';
import { RoutingModule } from './routing/routing.module';

@Module({
  imports: [
    PlatformModule.forRoot({ service: 'dispatch' }),
    TypeOrmModule.forRootAsync(
      databaseOptions({
        schema: 'dispatch',
        entities: [ServiceCaseEntity, CaseHistoryEntity, CaseTransitionEntity, CaseRecordChangeEntity, ComplaintEntity, ComplaintEntryEntity],
        migrations: [
          CreateDispatchSchema1764028800000,
          outboxParkingMigration('dispatch'),
          tenantStandardsMigration('dispatch'),
          durableTimersMigration('dispatch'),
          CaseStages1764460800000,
          CreateContactClocks1796000200000,
          CreateCaseClocks1796100000000,
          CreateRouting1796200000000,
          CreateEscalations1796300000000,
          CreateOutages1796300100000,
          CreateComplaints1796400000000,
          CreateCaseRecordChanges1796900000000,
          CreateRegions1796900100000,
          CreateEscalationEntries1796900200000,
          CreateBusinessCalendars1797000000000,
          SlaPolicyWarnPoints1797000100000,
          ContactClockClosedAt1797000200000,
          ContactClockWarnPoints1797000300000,
        ],
      }),
    ),
    MessagingModule.forRoot({ service: 'dispatch', schema: 'dispatch' }),
    TenantStandardsModule.forRoot({ schema: 'dispatch' }),
    TimersModule.forRoot({ schema: 'dispatch' }),
    CasesModule,
    ContactsModule,
    ComplaintsModule,
    RoutingModule,
    EscalationModule,
    OutagesModule,
    RegionsModule,
    CalendarsModule,
  ],
})
export class AppModule {}
