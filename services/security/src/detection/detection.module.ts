import { Module } from '@nestjs/common';
import { IncidentsModule } from '../incidents/incidents.module';
import { ReadsAndReportsHandler } from './reads-and-reports.handler';
import { RecordReadsRepository } from './record-reads.repository';
import { DetectBulkReads } from './use-cases/detect-bulk-reads';
import { DetectPlatformReports } from './use-cases/detect-platform-reports';

/**
 * Detection beyond transcripts and refusals (issue 12 part 1): one user's bulk reads and exports of
 * customer records (from `audit.recorded`), and security events platforms report. Thresholds are the
 * tenant's standards in force (`bulk-read-records`, `bulk-export-records`).
 */
@Module({
  imports: [IncidentsModule],
  controllers: [ReadsAndReportsHandler],
  providers: [RecordReadsRepository, DetectBulkReads, DetectPlatformReports],
})
export class DetectionModule {}
