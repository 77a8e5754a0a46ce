import { Module } from '@nestjs/common';
import { AnswerCompliance } from './answer-compliance';
import { ComplianceEventsHandler } from './compliance-events.handler';
import { ComplianceFactsRepository } from './compliance-facts.repository';
import { ComplianceController } from './compliance.controller';
import { KpiAnswerCompliance } from './kpi-answer-compliance';
import { StandardsInForce } from './standards-in-force';
import { ListComplianceEvidence } from './use-cases/list-compliance-evidence';
import { ReadComplianceReport } from './use-cases/read-compliance-report';
import { RecordComplianceVerdicts } from './use-cases/record-compliance-verdicts';

/** Compliance reports (issue 11 part 6): case deadlines' verdicts kept as facts, the answer standard from the KPIs. */
@Module({
  controllers: [ComplianceController, ComplianceEventsHandler],
  providers: [
    ComplianceFactsRepository,
    { provide: AnswerCompliance, useClass: KpiAnswerCompliance },
    StandardsInForce,
    RecordComplianceVerdicts,
    ReadComplianceReport,
    ListComplianceEvidence,
  ],
})
export class ComplianceModule {}
