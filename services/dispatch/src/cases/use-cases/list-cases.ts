import { Injectable } from '@nestjs/common';
import { CaseClockReads } from '../../case-clocks/case-clock-reads';
import { encodeCursor } from '../page-cursor';
import { type CaseResponse, toCaseResponse } from '../case-response';
import { type CaseFilters, type CaseListKey, type PageRequest, ServiceCaseRepository } from '../service-case.repository';

/** A page of a tenant's cases, oldest opened first, with the cursor of the next page. */
@Injectable()
export class ListCases {
  constructor(
    private readonly cases: ServiceCaseRepository,
    private readonly clocks: CaseClockReads,
  ) {}

  async execute(tenantId: string, filters: CaseFilters, page: PageRequest<CaseListKey>): Promise<{ items: CaseResponse[]; nextCursor: string | null }> {
    const found = await this.cases.list(tenantId, filters, page);
    const last = found.at(-1)?.snapshot;
    const nextCursor = found.length === page.limit && last ? encodeCursor([last.openedAt.toISOString(), last.caseId]) : null;
    const clocks = await this.clocks.viewsOf(tenantId, found.map((kase) => kase.caseId));
    return { items: found.map((kase) => toCaseResponse(kase, clocks.get(kase.caseId))), nextCursor };
  }
}
