import { Injectable } from '@nestjs/common';
import { AnswerCompliance } from '../answer-compliance';
import { ComplianceFactsRepository } from '../compliance-facts.repository';
import { encodeCursor, type EvidenceQueryParams, periodOf } from '../compliance-query';
import type { EvidencePageResponse } from '../compliance-response';

/** The subjects behind one row of a compliance report, with the events behind each, a page at a time. */
@Injectable()
export class ListComplianceEvidence {
  constructor(
    private readonly facts: ComplianceFactsRepository,
    private readonly answers: AnswerCompliance,
  ) {}

  async execute(tenantId: string, params: EvidenceQueryParams): Promise<EvidencePageResponse> {
    const { from, to } = periodOf(params);
    const query = { standardId: params.standardId, version: params.version, from, to, region: params.region, limit: params.limit, after: params.cursor };
    const page = params.standardId === 'answer-time' ? await this.answers.evidence(tenantId, query) : await this.facts.evidence(tenantId, query);
    return { items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null };
  }
}
