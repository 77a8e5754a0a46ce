import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CorrelationContext, Outbox } from '@hotline/messaging';
import { CaseClockReads } from '../../case-clocks/case-clock-reads';
import { CaseSignals, signalsOfMove } from '../case-signals';
import { CASES_CLOCK, type CasesClock } from '../cases-clock';
import { CaseArchived } from '../domain/case-errors';
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
  /** When it was decided; the injected clock's now unless the caller records its own change at one instant. */
  at?: Date;
}

/**
 * Moves a case to another stage: the move, its record, `case.transitioned` (with `case.resolved`
 * for the resolution), `audit.recorded` and what the move does to the case's SLA clocks commit
 * together or not at all. Undefined for an unknown case; throws IllegalTransition (the table
 * refuses), CaseArchived (the case is immutable) or CaseChangedMeanwhile (a racing move won).
 */
@Injectable()
export class TransitionCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: ServiceCaseRepository,
    private readonly outbox: Outbox,
    private readonly signals: CaseSignals,
    private readonly clocks: CaseClockReads,
    private readonly lifecycle: CaseLifecycle,
    @Inject(CASES_CLOCK) private readonly clock: CasesClock,
  ) {}

  execute(command: TransitionCommand): Promise<CaseResponse | undefined> {
    return this.dataSource.transaction((manager) => this.within(manager, command));
  }

  /** The same move in the caller's transaction, so it commits with the caller's own change (a complaint's resolution). */
  async within(manager: EntityManager, { tenantId, caseId, to, reason, actor, at }: TransitionCommand): Promise<CaseResponse | undefined> {
    const kase = await this.cases.find(manager, tenantId, caseId);
    if (!kase) return undefined;
    const transition = kase.transition({ to, reason, actor, at: at ?? this.clock.now() });
    if (!(await this.cases.applyTransition(manager, tenantId, transition))) {
      // Read committed: the winner's commit is visible now, so this names where the case really is.
      const current = await this.cases.find(manager, tenantId, caseId);
      if (current?.snapshot.archivedAt) throw new CaseArchived(caseId, current.stage, current.snapshot.archivedAt);
      throw changedMeanwhile(caseId, current?.stage ?? kase.stage);
    }
    await this.outbox.add(manager, transitionEvents(tenantId, transition, CorrelationContext.current()?.correlationId));
    await this.signals.record(manager, signalsOfMove(tenantId, transition));
    // e.g. resolving an outage's parent resolves its children, in this transaction (outages/).
    await this.lifecycle.moved(manager, tenantId, transition);
    return toCaseResponse(kase, await this.clocks.viewOf(tenantId, caseId, manager));
  }
}
