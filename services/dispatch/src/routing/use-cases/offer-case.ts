import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { newCloudEvent } from '@hotline/contracts';
import { CorrelationContext, Outbox } from '@hotline/messaging';
import { DurableTimers } from '@hotline/timers';
import { CaseSignals } from '../../cases/case-signals';
import { CASES_CLOCK, type CasesClock } from '../../cases/cases-clock';
import { ServiceCaseRepository } from '../../cases/service-case.repository';
import { ACCEPT_TIMER_KIND, type AcceptTimerPayload } from '../accept-timer';
import type { StoredAssignment } from '../assignments.repository';
import { AssignmentsRepository } from '../assignments.repository';
import { ROUTING_SETTINGS, type RoutingSettings } from '../routing-settings';

const DISPATCH_SOURCE = '/hotline/dispatch';

/**
 * Gives a case to an agent, in the caller's transaction: the case's assignee, the assignment offered
 * with its accept timer (set again if it ran: one timer per case), `case.assigned` through the
 * outbox, and the `assigned` signal for the case's clocks, all or nothing.
 */
@Injectable()
export class OfferCase {
  constructor(
    private readonly assignments: AssignmentsRepository,
    private readonly cases: ServiceCaseRepository,
    private readonly signals: CaseSignals,
    private readonly outbox: Outbox,
    private readonly timers: DurableTimers,
    @Inject(CASES_CLOCK) private readonly clock: CasesClock,
    @Inject(ROUTING_SETTINGS) private readonly settings: RoutingSettings,
  ) {}

  async offer(manager: EntityManager, assignment: StoredAssignment, agentId: string, correlationId = CorrelationContext.current()?.correlationId): Promise<void> {
    const at = this.clock.now();
    const { tenantId, caseId } = assignment;
    Object.assign(assignment, { state: 'offered', agentId, offeredAt: at, acceptedAt: null });
    await this.assignments.save(manager, assignment);
    await this.cases.setAssignee(manager, tenantId, caseId, agentId, at);
    const payload: AcceptTimerPayload = { agentId, ...(correlationId ? { correlationId } : {}) };
    await this.timers.set(manager, { tenantId, kind: ACCEPT_TIMER_KIND, key: caseId, dueAt: new Date(at.getTime() + this.settings.acceptWithinMs), payload: { ...payload } });
    const assigned = newCloudEvent({ type: 'case.assigned', source: DISPATCH_SOURCE, tenantId, correlationId, subject: caseId, time: at, data: { caseId, agentId, assignedAt: at.toISOString() } });
    await this.outbox.add(manager, [assigned]);
    await this.signals.record(manager, [{ tenantId, caseId, signal: 'assigned', at }]);
  }

  /** Nobody may take the case now: it waits unassigned, to be offered when an eligible agent becomes available. */
  async wait(manager: EntityManager, assignment: StoredAssignment): Promise<void> {
    if (assignment.state === 'waiting') return;
    Object.assign(assignment, { state: 'waiting', agentId: null, offeredAt: null, acceptedAt: null });
    await this.assignments.save(manager, assignment);
    await this.cases.setAssignee(manager, assignment.tenantId, assignment.caseId, null, this.clock.now());
  }
}
