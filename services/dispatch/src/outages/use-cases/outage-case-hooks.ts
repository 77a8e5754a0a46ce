import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CorrelationContext, Outbox } from '@hotline/messaging';
import { CaseLifecycle, type CaseLifecycleListener } from '../../cases/case-lifecycle';
import { CaseSignals, signalsOfMove } from '../../cases/case-signals';
import type { OpeningEvent } from '../../cases/domain/case-opening';
import { changedMeanwhile, type CaseTransition, type ServiceCase } from '../../cases/domain/service-case';
import { transitionEvents } from '../../cases/domain/transition-events';
import { ServiceCaseRepository } from '../../cases/service-case.repository';
import { isOutageSeverity, movesToResolution, OUTAGE_ACTOR, type Outage, outageReason } from '../domain/outage';
import { OutageRepository } from '../outage.repository';

/**
 * What outages do when a case opens or moves (registered with CaseLifecycle at init), in the
 * transaction of that change:
 * - a case opened: a major or critical fault declares an outage (its case the parent, the
 *   region's open cases its children) unless one is open in its region already, which it then
 *   joins as a child, as every other case opened in that region does;
 * - a case moved: the resolution of an outage's parent resolves its children and ends the
 *   outage; cancelling the parent ends it and leaves the children as they are.
 */
@Injectable()
export class OutageCaseHooks implements CaseLifecycleListener, OnModuleInit {
  // A hybrid app (HTTP plus the AMQP transport) runs init hooks once for each.
  private registered = false;

  constructor(
    private readonly lifecycle: CaseLifecycle,
    private readonly outages: OutageRepository,
    private readonly cases: ServiceCaseRepository,
    private readonly signals: CaseSignals,
    private readonly outbox: Outbox,
  ) {}

  onModuleInit(): void {
    if (this.registered) return;
    this.registered = true;
    this.lifecycle.listen(this);
  }

  async caseOpened(manager: EntityManager, event: OpeningEvent, kase: ServiceCase): Promise<void> {
    const { tenantId, caseId, region, openedAt } = kase.snapshot;
    // Seen before (the same case opened again): it is an outage's parent or child already, or neither.
    if (!region || (await this.outages.find(manager, tenantId, caseId)) || (await this.outages.outageOf(manager, tenantId, caseId))) return;
    const at = new Date(event.time);
    if (await this.outages.attachToOpenOutage(manager, tenantId, caseId, region, at)) return;
    if (event.type !== 'fault.reported' || !isOutageSeverity(event.data.severity)) return;
    const { severity, kind, description, faultId } = event.data;
    const outage: Outage = { tenantId, outageId: caseId, region, severity, kind, description, state: 'open', declaredAt: openedAt, declaredBy: `fault ${faultId}`, endedAt: null };
    await this.outages.insertIfAbsent(manager, outage);
    await this.outages.attachOpenCases(manager, tenantId, outage.outageId, region, at);
  }

  async caseMoved(manager: EntityManager, tenantId: string, transition: CaseTransition): Promise<void> {
    if (!transition.resolves && transition.to !== 'cancelled') return;
    const outage = await this.outages.find(manager, tenantId, transition.caseId, true);
    if (outage?.state !== 'open') return;
    if (transition.resolves) await this.resolveChildren(manager, outage, transition.at);
    await this.outages.end(manager, tenantId, outage.outageId, transition.resolves ? 'resolved' : 'cancelled', transition.at);
  }

  /**
   * Moves each open child through the stage table to its resolution, as a normal transition does
   * (recorded, `case.transitioned` and `case.resolved` published, its clocks signalled), by dispatch on
   * the outage's account.
   */
  private async resolveChildren(manager: EntityManager, outage: Outage, at: Date): Promise<void> {
    const correlationId = CorrelationContext.current()?.correlationId;
    for (const child of await this.outages.children(manager, outage.tenantId, outage.outageId, true)) {
      const kase = await this.cases.find(manager, outage.tenantId, child.caseId);
      if (!kase) continue;
      for (const to of movesToResolution(kase.stage)) {
        const from = kase.stage;
        const transition = kase.transition({ to, actor: OUTAGE_ACTOR, reason: outageReason(outage.outageId), at });
        // The children's rows are locked: a failed apply is a bug, and rolls the whole resolution back.
        if (!(await this.cases.applyTransition(manager, outage.tenantId, transition))) throw changedMeanwhile(child.caseId, from);
        await this.outbox.add(manager, transitionEvents(outage.tenantId, transition, correlationId));
        await this.signals.record(manager, signalsOfMove(outage.tenantId, transition));
      }
    }
  }
}
