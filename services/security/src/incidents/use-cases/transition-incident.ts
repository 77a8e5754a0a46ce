import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CorrelationContext, Outbox } from '@hotline/messaging';
import { DurableTimers } from '@hotline/timers';
import type { IncidentActor, IncidentTransition } from '../domain/incident';
import { IncidentChangedMeanwhile } from '../domain/incident-errors';
import { transitionAuditEvent, transitionedEvent } from '../domain/incident-events';
import type { IncidentState } from '../domain/incident-state';
import { STEP_TIMER_KIND, stepDoneByMove, stepTimerKey } from '../domain/incident-steps';
import type { PostIncidentReview } from '../domain/post-incident-review';
import type { IncidentDetail } from '../incident-response';
import { IncidentStepsRepository } from '../incident-steps.repository';
import { IncidentsRepository } from '../incidents.repository';
import { FindIncident } from './find-incident';

export interface IncidentTransitionCommand {
  tenantId: string;
  incidentId: string;
  to: IncidentState;
  reason: string;
  review?: PostIncidentReview;
  actor: IncidentActor;
}

/**
 * Moves an incident: the move, the plan step it accomplishes (triage, contain, review), its
 * timeline entries, `incident.transitioned` and `audit.recorded` commit together or not at all.
 * Closing cancels the deadline timers of the steps left undone. Undefined for an unknown
 * incident; throws IllegalIncidentTransition, ReviewRequired or IncidentChangedMeanwhile (a racing move won).
 */
@Injectable()
export class TransitionIncident {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly incidents: IncidentsRepository,
    private readonly steps: IncidentStepsRepository,
    private readonly timers: DurableTimers,
    private readonly outbox: Outbox,
    private readonly findIncident: FindIncident,
  ) {}

  execute({ tenantId, incidentId, to, reason, review, actor }: IncidentTransitionCommand): Promise<IncidentDetail | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const incident = await this.incidents.find(manager, tenantId, incidentId);
      if (!incident) return undefined;
      const transition = incident.transition({ to, reason, review, actor, at: new Date() });
      if (!(await this.incidents.applyTransition(manager, tenantId, transition))) {
        const current = (await this.incidents.find(manager, tenantId, incidentId)) ?? incident;
        throw new IncidentChangedMeanwhile(incidentId, current.state, current.allowedTransitions);
      }
      const { from, at } = transition;
      await this.incidents.appendTimeline(manager, tenantId, incidentId, { at, kind: 'transition', detail: { from, to, reason, actor, ...(transition.review ? { review: transition.review } : {}) } });
      await this.completeStepsOf(manager, tenantId, transition);
      const correlationId = CorrelationContext.current()?.correlationId;
      await this.outbox.add(manager, [transitionAuditEvent(tenantId, transition, correlationId), transitionedEvent(incident.snapshot, transition, correlationId)]);
      return this.findIncident.execute(tenantId, incidentId, manager);
    });
  }

  /** The step the move accomplishes is done by it; closing stops the deadlines of what is left. */
  private async completeStepsOf(manager: EntityManager, tenantId: string, { incidentId, to, reason, actor, at }: IncidentTransition): Promise<void> {
    const steps = await this.steps.list(manager, tenantId, incidentId);
    const doneByMove = steps.find(({ id, completedAt }) => id === stepDoneByMove(to) && !completedAt);
    if (doneByMove && (await this.steps.complete(manager, tenantId, incidentId, doneByMove.id, { at, actor, note: reason }))) {
      await this.incidents.appendTimeline(manager, tenantId, incidentId, { at, kind: 'step_completed', detail: { stepId: doneByMove.id, late: at > doneByMove.dueAt, actor, byTransition: to } });
    }
    const stopped = to === 'closed' ? steps.filter(({ completedAt }) => !completedAt) : doneByMove ? [doneByMove] : [];
    await this.timers.cancelMany(manager, stopped.map(({ id }) => ({ tenantId, kind: STEP_TIMER_KIND, key: stepTimerKey(incidentId, id) })));
  }
}
