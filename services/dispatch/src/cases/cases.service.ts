import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { KnownCloudEvent } from '@hotline/contracts';
import { CaseHistoryEntity } from './case-history.entity';
import { initialStage } from './domain/case-stage';
import { ServiceCaseEntity } from './service-case.entity';

@Injectable()
export class CasesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Opens the case named by `case.opened`. A case opened twice under two event ids (the platform
   * re-sent it) stays one case; each event still leaves its line in the history.
   */
  async open(manager: EntityManager, event: KnownCloudEvent<'case.opened'>): Promise<void> {
    const { caseId, type, priority, summary, region, customerId, contactId } = event.data;
    await manager
      .createQueryBuilder()
      .insert()
      .into(ServiceCaseEntity)
      .values({
        tenantId: event.tenantid,
        caseId,
        type,
        priority,
        stage: initialStage(type),
        summary,
        region: region ?? null,
        customerId: customerId ?? null,
        contactId: contactId ?? null,
        openedAt: new Date(event.time),
      })
      .orIgnore()
      .execute();
    await manager.insert(CaseHistoryEntity, {
      tenantId: event.tenantid,
      caseId,
      eventId: event.id,
      kind: event.type,
      at: new Date(event.time),
      detail: { priority, type },
    });
  }

  async find(tenantId: string, caseId: string): Promise<ServiceCaseEntity & { history: CaseHistoryEntity[] }> {
    const found = await this.dataSource.getRepository(ServiceCaseEntity).findOneBy({ tenantId, caseId });
    if (!found) throw new NotFoundException(`No case ${caseId}`);
    const history = await this.dataSource
      .getRepository(CaseHistoryEntity)
      .find({ where: { tenantId, caseId }, order: { at: 'ASC', id: 'ASC' } });
    return { ...found, history };
  }
}
