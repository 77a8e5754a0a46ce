import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CorrelationContext, Outbox } from '@hotline/messaging';
import { changedMeanwhile, type CaseActor } from '../../cases/domain/service-case';
import { transitionEvents } from '../../cases/domain/transition-events';
import { ServiceCaseRepository } from '../../cases/service-case.repository';
import { movesToResolution } from '../domain/outage';
import { OutageRepository } from '../outage.repository';
import { type OutageResponse, toOutageResponse } from '../outage-response';
import { OUTAGES_CLOCK, type OutagesClock } from '../outages-clock';
import { OutageCaseHooks } from './outage-case-hooks';

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
 * (OutageCaseHooks), all in one transaction. Undefined for an unknown outage.
 */
@Injectable()
export class ResolveOutage {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outages: OutageRepository,
    private readonly cases: ServiceCaseRepository,
    private readonly hooks: OutageCaseHooks,
    private readonly outbox: Outbox,
    @Inject(OUTAGES_CLOCK) private readonly clock: OutagesClock,
  ) {}

  execute(tenantId: string, outageId: string, reason: string, actor: CaseActor): Promise<OutageResponse | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const outage = await this.outages.find(manager, tenantId, outageId, true);
      if (!outage) return undefined;
      if (outage.state !== 'open') throw new OutageNotOpen(outageId, outage.state);
      const parent = await this.cases.find(manager, tenantId, outageId);
      const at = this.clock.now();
      const moves = parent ? movesToResolution(parent.stage) : [];
      for (const to of moves) {
        if (!parent) break;
        const transition = parent.transition({ to, actor, reason, at });
        if (!(await this.cases.applyTransition(manager, tenantId, transition))) throw changedMeanwhile(outageId, parent.stage);
        await this.outbox.add(manager, transitionEvents(tenantId, transition, CorrelationContext.current()?.correlationId));
        await this.hooks.caseMoved(manager, tenantId, transition);
      }
      // A parent already resolved or closed with its outage still open (nothing to move): the outage ends here.
      await this.outages.end(manager, tenantId, outageId, 'resolved', at);
      const resolved = await this.outages.find(manager, tenantId, outageId);
      return resolved && toOutageResponse(resolved, await this.outages.children(manager, tenantId, outageId));
    });
  }
}
