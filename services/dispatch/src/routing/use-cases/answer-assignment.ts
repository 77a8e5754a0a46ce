import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Outbox } from '@hotline/messaging';
import { DurableTimers } from '@hotline/timers';
import { CASES_CLOCK, type CasesClock } from '../../cases/cases-clock';
import type { CaseActor } from '../../cases/domain/service-case';
import { ServiceCaseRepository } from '../../cases/service-case.repository';
import { ACCEPT_TIMER_KIND } from '../accept-timer';
import { AgentsRepository } from '../agents.repository';
import { AssignmentsRepository, type StoredAssignment } from '../assignments.repository';
import { accept } from '../domain/case-assignment';
import { routingAudit } from '../routing-audit';
import { caseNotOpen, unknownAgent } from '../routing-problems';
import { OfferCase } from './offer-case';

/**
 * What people do with an assignment, each in one transaction with its `audit.recorded`: the
 * assigned agent accepts it (its accept timer is cancelled), or a supervisor gives the case to an
 * agent of their choosing (who must accept in time like any other). Undefined for an unknown case.
 */
@Injectable()
export class AnswerAssignment {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assignments: AssignmentsRepository,
    private readonly agents: AgentsRepository,
    private readonly cases: ServiceCaseRepository,
    private readonly offers: OfferCase,
    private readonly timers: DurableTimers,
    private readonly outbox: Outbox,
    @Inject(CASES_CLOCK) private readonly clock: CasesClock,
  ) {}

  /** Throws NotYourAssignment unless the case is offered to (or accepted by) the actor; accepting twice is harmless. */
  accept(tenantId: string, caseId: string, actor: CaseActor): Promise<StoredAssignment | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const assignment = await this.assignments.lock(manager, tenantId, caseId);
      if (!assignment || !accept(assignment, actor.id)) return assignment;
      assignment.acceptedAt = this.clock.now();
      await this.assignments.save(manager, assignment);
      await this.timers.cancel(manager, { tenantId, kind: ACCEPT_TIMER_KIND, key: caseId });
      const audit = routingAudit({ tenantId, actor, action: 'case.assignment_accept', subject: { type: 'case', id: caseId }, after: { state: 'accepted', agentId: actor.id }, summary: `case accepted by ${actor.id}` });
      await this.outbox.add(manager, [audit]);
      return assignment;
    });
  }

  /** Throws a 400 problem for an agent routing does not know, a 409 for a closed or cancelled case. */
  reassign(tenantId: string, caseId: string, agentId: string, actor: CaseActor): Promise<StoredAssignment | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const assignment = await this.assignments.lock(manager, tenantId, caseId);
      if (!assignment) return undefined;
      if (!(await this.agents.find(manager, tenantId, agentId))) throw unknownAgent(agentId);
      const kase = await this.cases.find(manager, tenantId, caseId);
      if (kase && (kase.stage === 'closed' || kase.stage === 'cancelled')) throw caseNotOpen(caseId, kase.stage);
      const before = { state: assignment.state, agentId: assignment.agentId };
      await this.offers.offer(manager, assignment, agentId);
      const audit = routingAudit({ tenantId, actor, action: 'case.reassign', subject: { type: 'case', id: caseId }, before, after: { state: 'offered', agentId }, summary: `case given to ${agentId}` });
      await this.outbox.add(manager, [audit]);
      return assignment;
    });
  }
}
