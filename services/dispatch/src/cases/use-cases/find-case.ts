import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseClockReads } from '../../case-clocks/case-clock-reads';
import { type CaseResponse, toCaseResponse } from '../case-response';
import { ServiceCaseRepository } from '../service-case.repository';

/** One case of a tenant as the API answers it, or undefined. */
@Injectable()
export class FindCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: ServiceCaseRepository,
    private readonly clocks: CaseClockReads,
  ) {}

  async execute(tenantId: string, caseId: string): Promise<CaseResponse | undefined> {
    const kase = await this.cases.find(this.dataSource.manager, tenantId, caseId);
    return kase && toCaseResponse(kase, await this.clocks.viewOf(tenantId, caseId));
  }
}
