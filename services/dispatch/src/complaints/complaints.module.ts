import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ComplaintHistoryRepository } from './complaint-history.repository';
import { ComplaintUpdatesController } from './complaint-updates.controller';
import { ComplaintsController } from './complaints.controller';
import { ComplaintsRepository } from './complaints.repository';
import { ExportComplaint } from './use-cases/export-complaint';
import { FindComplaint } from './use-cases/find-complaint';
import { ListComplaints } from './use-cases/list-complaints';
import { UpdateComplaint } from './use-cases/update-complaint';

/**
 * Complaints (issue 10 part 7, MANUAL.md ch. 6) on the cases `complaint.filed` opens: `domain/`
 * (a complaint's rules, its history and CSV), repositories, use cases and the HTTP adapters. Its
 * case moves through CasesModule's TransitionCase; its clocks follow through CaseSignals.
 * Needs the complaints migration (1796400000000).
 */
@Module({
  imports: [CasesModule],
  controllers: [ComplaintsController, ComplaintUpdatesController],
  providers: [ComplaintsRepository, ComplaintHistoryRepository, UpdateComplaint, FindComplaint, ListComplaints, ExportComplaint],
})
export class ComplaintsModule {}
