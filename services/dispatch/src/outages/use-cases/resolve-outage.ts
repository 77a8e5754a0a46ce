import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CorrelationContext, Outbox } from '@hotline/messaging';
import { CASES_CLOCK, type CasesClock } from '../../cases/cases-clock';
import { changedMeanwhile, type CaseActor, type ServiceCase } from '../../cases/domain/service-case';
import { transitionEvents } from '../../cases/domain/transition-events';
import { CaseLifecycle } from '../../cases/case-lifecycle';
import { CaseSignals, signalsOfMove } from '../../cases/case-signals';
import { ServiceCaseRepository } from '../../cases/service-case.repository';
import { movesToResolution } from '../domain/outage';
import { OutageRepository } from '../outage.repository';
import { type OutageResponse, toOutageResponse } from '../outage-response';

/** An outage that is over cannot be resolved again. */
export class OutageNotOpen extends Error {
  constructor(readonly outageId: string, readonly state: string) {
    super(`Outage ${outageId} is ${state}, not open; nothing was changed.`);
    this.name = 'OutageNotOpen';
  }
}

/**
 * Resolves an outage: its parent case moves to its resolution by the person asking (each move
 * recorded and published as any transition is), which resolves the children and ends the outage
 * (OutageCaseHooks hears of it as of any move), all in one transaction. Undefined for an unknown outage.
 */
@Injectable()
export class ResolveOutage {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outages: OutageRepository,
    private readonly cases: ServiceCaseRepository,
    private readonly lifecycle: CaseLifecycle,
    private readonly signals: CaseSignals,
    private readonly outbox: Outbox,
    @Inject(CASES_CLOCK) private readonly clock: CasesClock,
  ) {}

  execute(tenantId: string, outageId: string, reason: string, actor: CaseActor): Promise<OutageResponse | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const outage = await this.outages.find(manager, tenantId, outageId, true);
      if (!outage) return undefined;
      if (outage.state !== 'open') throw new OutageNotOpen(outageId, outage.state);
      const parent = await this.cases.find(manager, tenantId, outageId);
      const at = this.clock.now();
      if (parent) await this.resolveParent(manager, tenantId, parent, { reason, actor, at });
      // A parent already resolved or closed with its outage still open (nothing to move): the outage ends here.
      await this.outages.end(manager, tenantId, outageId, 'resolved', at);
      const resolved = await this.outages.find(manager, tenantId, outageId);
      return resolved && toOutageResponse(resolved, await this.outages.children(manager, tenantId, outageId));
    });
  }

  /** The parent's moves to its resolution, each as TransitionCase makes one; the last resolves the children (OutageCaseHooks). */
  private async resolveParent(manager: EntityManager, tenantId: string, parent: ServiceCase, move: { reason: string; actor: CaseActor; at: Date }): Promise<void> {
    for (const to of movesToResolution(parent.stage)) {
      const from = parent.stage;
      const transition = parent.transition({ to, ...move });
      if (!(await this.cases.applyTransition(manager, tenantId, transition))) throw changedMeanwhile(parent.caseId, from);
      await this.outbox.add(manager, transitionEvents(tenantId, transition, CorrelationContext.current()?.correlationId));
      await this.signals.record(manager, signalsOfMove(tenantId, transition));
      await this.lifecycle.moved(manager, tenantId, transition);
    }
  }
}
