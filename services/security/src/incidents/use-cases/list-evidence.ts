import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EvidenceRepository } from '../evidence.repository';
import { type EvidenceResponse, toEvidenceResponse } from '../evidence-response';
import { IncidentsRepository } from '../incidents.repository';

/** An incident's evidence with hashes (re-verified now and against the audit trail), integrity and custody; undefined for an unknown incident. */
@Injectable()
export class ListEvidence {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly incidents: IncidentsRepository,
    private readonly evidence: EvidenceRepository,
  ) {}

  async execute(tenantId: string, incidentId: string): Promise<{ items: EvidenceResponse[] } | undefined> {
    const manager = this.dataSource.manager;
    if (!(await this.incidents.find(manager, tenantId, incidentId))) return undefined;
    const items = await this.evidence.list(manager, tenantId, incidentId);
    const ids = items.map(({ id }) => id);
    const custody = await this.evidence.custody(manager, tenantId, ids);
    const audited = await this.evidence.auditedSha256s(manager, tenantId, ids);
    return { items: items.map((item) => toEvidenceResponse(item, custody.get(item.id) ?? [], audited.get(item.id))) };
  }
}
