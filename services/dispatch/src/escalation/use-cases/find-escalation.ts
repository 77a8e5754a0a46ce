import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EscalationRepository } from '../escalation.repository';
import { type EscalationResponse, toEscalationResponse } from '../escalation-response';

/** A case's escalation as the API answers it (state `none` if never escalated), or undefined for an unknown case. */
@Injectable()
export class FindEscalation {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly escalations: EscalationRepository,
  ) {}

  async execute(tenantId: string, caseId: string): Promise<EscalationResponse | undefined> {
    const [row]: { escalation_level: number }[] = await this.dataSource.query(`SELECT escalation_level FROM dispatch.cases WHERE tenant_id = $1 AND case_id = $2`, [tenantId, caseId]);
    if (!row) return undefined;
    return toEscalationResponse(caseId, row.escalation_level, await this.escalations.find(this.dataSource.manager, tenantId, caseId));
  }
}
