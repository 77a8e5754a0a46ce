import { Injectable } from '@nestjs/common';
import { encodeCursor } from '../../cases/page-cursor';
import type { CaseListKey, PageRequest } from '../../cases/service-case.repository';
import { type ComplaintSummary, toComplaintSummary } from '../complaint-response';
import { type ComplaintFilters, ComplaintsRepository } from '../complaints.repository';

/** A page of a tenant's complaints, oldest filed first, with the cursor of the next page. */
@Injectable()
export class ListComplaints {
  constructor(private readonly complaints: ComplaintsRepository) {}

  async execute(tenantId: string, filters: ComplaintFilters, page: PageRequest<CaseListKey>): Promise<{ items: ComplaintSummary[]; nextCursor: string | null }> {
    const found = await this.complaints.list(tenantId, filters, page);
    const last = found.at(-1)?.kase.snapshot;
    const nextCursor = found.length === page.limit && last ? encodeCursor([last.openedAt.toISOString(), last.caseId]) : null;
    return { items: found.map(({ kase, status }) => toComplaintSummary(kase, status)), nextCursor };
  }
}
