import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CorrelationContext, Outbox } from '@hotline/messaging';
import { CaseClockReads } from '../../case-clocks/case-clock-reads';
import { type CaseResponse, toCaseResponse } from '../case-response';
import { CaseSignals } from '../case-signals';
import { CASES_CLOCK, type CasesClock } from '../cases-clock';
import { CaseArchived } from '../domain/case-errors';
import type { RecordEditable } from '../domain/case-record';
import { recordEvents, recordSignals } from '../domain/record-events';
import { type CaseActor, changedMeanwhile } from '../domain/service-case';
import { ServiceCaseRepository } from '../service-case.repository';

export interface AmendRecordCommand {
  tenantId: string;
  caseId: string;
  values: Partial<Record<RecordEditable, string>>;
  actor: CaseActor;
}

/**
 * Completes or corrects a case's record (先处理后记录): the change, its timeline entry,
 * `audit.recorded` and — when it completes the record — 'record_completed' to the case's clocks
 * commit together or not at all. A request that changes nothing writes nothing. Undefined for an
 * unknown case; throws RecordLocked, CaseArchived or CaseChangedMeanwhile (a racing change won).
 */
@Injectable()
export class AmendCaseRecord {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: ServiceCaseRepository,
    private readonly outbox: Outbox,
    private readonly signals: CaseSignals,
    private readonly clocks: CaseClockReads,
    @Inject(CASES_CLOCK) private readonly clock: CasesClock,
  ) {}

  execute({ tenantId, caseId, values, actor }: AmendRecordCommand): Promise<CaseResponse | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const kase = await this.cases.find(manager, tenantId, caseId);
      if (!kase) return undefined;
      const change = kase.amendRecord({ values, actor, at: this.clock.now() });
      if (change) {
        if (!(await this.cases.applyRecordChange(manager, tenantId, change))) {
          const current = await this.cases.find(manager, tenantId, caseId);
          if (current?.snapshot.archivedAt) throw new CaseArchived(caseId, current.stage, current.snapshot.archivedAt);
          throw changedMeanwhile(caseId, current?.stage ?? kase.stage);
        }
        await this.outbox.add(manager, recordEvents(tenantId, change, CorrelationContext.current()?.correlationId));
        await this.signals.record(manager, recordSignals(change).map((signal) => ({ tenantId, caseId, signal, at: change.at })));
      }
      return toCaseResponse(kase, await this.clocks.viewOf(tenantId, caseId, manager));
    });
  }
}
