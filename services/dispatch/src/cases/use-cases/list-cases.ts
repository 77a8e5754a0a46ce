import { Injectable } from '@nestjs/common';
import { encodeCursor } from '../page-cursor';
import { type CaseResponse, toCaseResponse } from '../case-response';
import { type CaseFilters, type CaseListKey, type PageRequest, ServiceCaseRepository } from '../service-case.repository';

export interface CaseListRequest extends CaseFilters {
  /** No clock is breached until the SLA engine lands: `true` finds nothing, `false` filters nothing. */
  breached?: boolean;
}

/** A page of a tenant's cases, oldest opened first, with the cursor of the next page. */
@Injectable()
export class ListCases {
  constructor(private readonly cases: ServiceCaseRepository) {}

  async execute(tenantId: string, { breached, ...filters }: CaseListRequest, page: PageRequest<CaseListKey>): Promise<{ items: CaseResponse[]; nextCursor: string | null }> {
    if (breached === true) return { items: [], nextCursor: null };
    const found = await this.cases.list(tenantId, filters, page);
    const last = found.at(-1)?.snapshot;
    const nextCursor = found.length === page.limit && last ? encodeCursor([last.openedAt.toISOString(), last.caseId]) : null;
    return { items: found.map(toCaseResponse), nextCursor };
  }
}
