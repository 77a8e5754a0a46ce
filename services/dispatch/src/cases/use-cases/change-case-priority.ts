import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CorrelationContext, Outbox } from '@hotline/messaging';
import { CaseClockReads } from '../../case-clocks/case-clock-reads';
import { type CaseResponse, toCaseResponse } from '../case-response';
import { CaseSignals, signalsOfPriorityChange } from '../case-signals';
import { CASES_CLOCK, type CasesClock } from '../cases-clock';
import { CaseArchived } from '../domain/case-errors';
import { priorityEvents } from '../domain/priority-events';
import { type CaseActor, changedMeanwhile } from '../domain/service-case';
import { ServiceCaseRepository } from '../service-case.repository';

export interface ChangePriorityCommand {
  tenantId: string;
  caseId: string;
  priority: string;
  reason: string;
  actor: CaseActor;
}

/**
 * Changes a case's priority: the change, its timeline entry, `case.priority_changed`,
 * `audit.recorded` and the re-budget of its running clocks (from the remaining budget, keeping
 * elapsed and paused time) commit together or not at all. The same priority again changes
 * nothing. Undefined for an unknown case; throws CaseFinished, CaseArchived or CaseChangedMeanwhile.
 */
@Injectable()
export class ChangeCasePriority {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: ServiceCaseRepository,
    private readonly outbox: Outbox,
    private readonly signals: CaseSignals,
    private readonly clocks: CaseClockReads,
    @Inject(CASES_CLOCK) private readonly clock: CasesClock,
  ) {}

  execute({ tenantId, caseId, priority, reason, actor }: ChangePriorityCommand): Promise<CaseResponse | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const kase = await this.cases.find(manager, tenantId, caseId);
      if (!kase) return undefined;
      const change = kase.changePriority({ priority, reason, actor, at: this.clock.now() });
      if (change) {
        if (!(await this.cases.applyPriorityChange(manager, tenantId, change))) {
          const current = await this.cases.find(manager, tenantId, caseId);
          if (current?.snapshot.archivedAt) throw new CaseArchived(caseId, current.stage, current.snapshot.archivedAt);
          throw changedMeanwhile(caseId, current?.stage ?? kase.stage);
        }
        await this.outbox.add(manager, priorityEvents(tenantId, change, CorrelationContext.current()?.correlationId));
        await this.signals.record(manager, signalsOfPriorityChange(tenantId, change));
      }
      return toCaseResponse(kase, await this.clocks.viewOf(tenantId, caseId, manager));
    });
  }
}
