import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { toCaseResponse } from '../../cases/case-response';
import { ServiceCaseRepository } from '../../cases/service-case.repository';
import { complaintCaseId, isComplaintCase } from '../complaint-case';
import { type ComplaintResponse, toComplaintResponse } from '../complaint-response';
import { ComplaintsRepository } from '../complaints.repository';

/** One complaint of a tenant with its case and every step, or undefined. */
@Injectable()
export class FindComplaint {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: ServiceCaseRepository,
    private readonly complaints: ComplaintsRepository,
  ) {}

  /** Read in one repeatable-read transaction, so the case, the status and the entries agree. */
  execute(tenantId: string, complaintId: string): Promise<ComplaintResponse | undefined> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const caseId = complaintCaseId(complaintId);
      const kase = await this.cases.find(manager, tenantId, caseId);
      if (!isComplaintCase(kase)) return undefined;
      const status = await this.complaints.find(tenantId, complaintId, caseId, manager);
      const entries = await this.complaints.entries(tenantId, complaintId, manager);
      return toComplaintResponse(toCaseResponse(kase), status, entries);
    });
  }
}
