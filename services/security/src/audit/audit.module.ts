import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditEventsHandler } from './audit-events.handler';
import { AuditTrailService } from './audit-trail.service';

@Module({
  controllers: [AuditController, AuditEventsHandler],
  providers: [AuditTrailService],
})
export class AuditModule {}
