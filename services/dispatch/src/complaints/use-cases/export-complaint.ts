import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type CaseResponse, toCaseResponse } from '../../cases/case-response';
import { CASES_CLOCK, type CasesClock } from '../../cases/cases-clock';
import type { CaseActor } from '../../cases/domain/service-case';
import { ReadAudit } from '../../cases/read-audit';
import { ServiceCaseRepository } from '../../cases/service-case.repository';
import { complaintCaseId, isComplaintCase } from '../complaint-case';
import { ComplaintHistoryRepository } from '../complaint-history.repository';
import { ComplaintsRepository } from '../complaints.repository';
import { complaintState, type ComplaintState } from '../domain/complaint';
import { complaintHistory, type HistoryEntry } from '../domain/complaint-history';

export interface ComplaintExport {
  complaintId: string;
  state: ComplaintState;
  exportedAt: Date;
  case: CaseResponse;
  history: HistoryEntry[];
}

/**
 * A complaint with its full history (manual 6.4): filing, every stage move of its case, and every
 * step of its own, oldest first. Read in one repeatable-read transaction, so the parts agree; the
 * export is audited (`complaint.export`) in it.
 */
@Injectable()
export class ExportComplaint {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: ServiceCaseRepository,
    private readonly complaints: ComplaintsRepository,
    private readonly history: ComplaintHistoryRepository,
    @Inject(CASES_CLOCK) private readonly clock: CasesClock,
    private readonly audit: ReadAudit,
  ) {}

  execute(tenantId: string, complaintId: string, exporter: CaseActor): Promise<ComplaintExport | undefined> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const caseId = complaintCaseId(complaintId);
      const kase = await this.cases.find(manager, tenantId, caseId);
      if (!isComplaintCase(kase)) return undefined;
      const status = await this.complaints.find(tenantId, complaintId, caseId, manager);
      // One after another: a transaction's queries share its one connection.
      const filings = await this.history.filings(manager, kase);
      const moves = await this.history.moves(manager, kase);
      const entries = await this.complaints.entries(tenantId, complaintId, manager);
      // One complaint (one customer's record) left the system: counted towards the exporter's bulk reads.
      await this.audit.record({ tenantId, actor: exporter, action: 'complaint.export', subject: { type: 'complaint', id: complaintId }, records: 1 }, manager);
      return { complaintId, state: complaintState(status), exportedAt: this.clock.now(), case: toCaseResponse(kase), history: complaintHistory(filings, moves, entries) };
    });
  }
}
