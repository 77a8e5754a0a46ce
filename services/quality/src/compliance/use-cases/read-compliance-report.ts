import { Injectable } from '@nestjs/common';
import { toCsv } from '@hotline/csv';
import { AnswerCompliance } from '../answer-compliance';
import { ComplianceFactsRepository } from '../compliance-facts.repository';
import { type ComplianceQuery, periodOf } from '../compliance-query';
import type { ComplianceReport } from '../compliance-response';
import { complianceRows, CSV_HEADER, csvRow } from '../domain/compliance-report';
import { StandardsInForce } from '../standards-in-force';

/** A tenant's compliance report for a period (and region): as JSON, or as CSV with a header row. */
@Injectable()
export class ReadComplianceReport {
  constructor(
    private readonly facts: ComplianceFactsRepository,
    private readonly answers: AnswerCompliance,
    private readonly standards: StandardsInForce,
  ) {}

  async execute(tenantId: string, query: ComplianceQuery): Promise<ComplianceReport> {
    const period = periodOf(query);
    const region = query.region ?? null;
    const [versions, caseTallies, answerTallies] = await Promise.all([
      this.standards.during(tenantId, period.from, period.to),
      this.facts.tallies(tenantId, period.from, period.to, region),
      this.answers.tallies(tenantId, period.from, period.to, region),
    ]);
    return {
      tenantId,
      period: { label: period.label, from: period.from.toISOString(), to: period.to.toISOString(), timeZone: 'UTC' },
      region,
      rows: complianceRows({ period: period.label, region, versions, tallies: [...answerTallies, ...caseTallies] }),
    };
  }

  static csv(report: ComplianceReport): string {
    return toCsv(CSV_HEADER, report.rows.map((row) => csvRow(report.period.label, report.region, row)));
  }
}
