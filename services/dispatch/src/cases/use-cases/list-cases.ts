import { Injectable } from '@nestjs/common';
import type { CaseActor } from '../domain/service-case';
import { ReadAudit } from '../read-audit';
import { CaseClockReads } from '../../case-clocks/case-clock-reads';
import { encodeCursor } from '../page-cursor';
import { type CaseResponse, toCaseResponse } from '../case-response';
import { type CaseFilters, type CaseListKey, type PageRequest, ServiceCaseRepository } from '../service-case.repository';

/** A page of a tenant's cases, oldest opened first, with the cursor of the next page; the read is audited with its count. */
@Injectable()
export class ListCases {
  constructor(
    private readonly cases: ServiceCaseRepository,
    private readonly clocks: CaseClockReads,
    private readonly audit: ReadAudit,
  ) {}

  async execute(tenantId: string, filters: CaseFilters, page: PageRequest<CaseListKey>, reader: CaseActor): Promise<{ items: CaseResponse[]; nextCursor: string | null }> {
    const found = await this.cases.list(tenantId, filters, page);
    await this.audit.record({ tenantId, actor: reader, action: 'case.read', subject: { type: 'cases', id: 'list' }, records: found.length });
    const last = found.at(-1)?.snapshot;
    const nextCursor = found.length === page.limit && last ? encodeCursor([last.openedAt.toISOString(), last.caseId]) : null;
    const clocks = await this.clocks.viewsOf(tenantId, found.map((kase) => kase.caseId));
    return { items: found.map((kase) => toCaseResponse(kase, clocks.get(kase.caseId))), nextCursor };
  }
}
