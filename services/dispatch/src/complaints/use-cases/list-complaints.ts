import { Injectable } from '@nestjs/common';
import type { CaseActor } from '../../cases/domain/service-case';
import { ReadAudit } from '../../cases/read-audit';
import { encodeCursor } from '../../cases/page-cursor';
import type { CaseListKey, PageRequest } from '../../cases/service-case.repository';
import { type ComplaintSummary, toComplaintSummary } from '../complaint-response';
import { type ComplaintFilters, ComplaintsRepository } from '../complaints.repository';

/** A page of a tenant's complaints, oldest filed first, with the cursor of the next page; the read is audited with its count. */
@Injectable()
export class ListComplaints {
  constructor(
    private readonly complaints: ComplaintsRepository,
    private readonly audit: ReadAudit,
  ) {}

  async execute(tenantId: string, filters: ComplaintFilters, page: PageRequest<CaseListKey>, reader: CaseActor): Promise<{ items: ComplaintSummary[]; nextCursor: string | null }> {
    const found = await this.complaints.list(tenantId, filters, page);
    await this.audit.record({ tenantId, actor: reader, action: 'complaint.read', subject: { type: 'complaints', id: 'list' }, records: found.length });
    const last = found.at(-1)?.kase.snapshot;
    const nextCursor = found.length === page.limit && last ? encodeCursor([last.openedAt.toISOString(), last.caseId]) : null;
    return { items: found.map(({ kase, status }) => toComplaintSummary(kase, status)), nextCursor };
  }
}
