import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CorrelationContext, Outbox } from '@hotline/messaging';
import { CASES_CLOCK, type CasesClock } from '../cases-clock';
import type { CaseStage } from '../domain/case-stage';
import { type CaseActor, changedMeanwhile } from '../domain/service-case';
import { transitionEvents } from '../domain/transition-events';
import { type CaseResponse, toCaseResponse } from '../case-response';
import { CaseLifecycle } from '../case-lifecycle';
import { ServiceCaseRepository } from '../service-case.repository';

export interface TransitionCommand {
  tenantId: string;
  caseId: string;
  to: CaseStage;
  reason: string;
  actor: CaseActor;
}

/**
 * Moves a case to another stage: the move, its record, `case.transitioned` (with `case.resolved`
 * for the resolution) and `audit.recorded` commit together or not at all. Undefined for an unknown
 * case; throws IllegalTransition (the table refuses) or CaseChangedMeanwhile (a racing move won).
 */
@Injectable()
export class TransitionCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: ServiceCaseRepository,
    private readonly outbox: Outbox,
    private readonly lifecycle: CaseLifecycle,
    @Inject(CASES_CLOCK) private readonly clock: CasesClock,
  ) {}

  execute({ tenantId, caseId, to, reason, actor }: TransitionCommand): Promise<CaseResponse | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const kase = await this.cases.find(manager, tenantId, caseId);
      if (!kase) return undefined;
      const transition = kase.transition({ to, reason, actor, at: this.clock.now() });
      if (!(await this.cases.applyTransition(manager, tenantId, transition))) {
        // Read committed: the winner's commit is visible now, so this names where the case really is.
        const current = await this.cases.find(manager, tenantId, caseId);
        throw changedMeanwhile(caseId, current?.stage ?? kase.stage);
      }
      await this.outbox.add(manager, transitionEvents(tenantId, transition, CorrelationContext.current()?.correlationId));
      // e.g. resolving an outage's parent resolves its children, in this transaction (outages/).
      await this.lifecycle.moved(manager, tenantId, transition);
      return toCaseResponse(kase);
    });
  }
}
