import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CorrelationContext, Outbox } from '@hotline/messaging';
import { type Clock, DurableTimers } from '@hotline/timers';
import type { IncidentActor } from '../domain/incident';
import { IncidentClosed, StepNotInPlan } from '../domain/incident-errors';
import { auditEvent } from '../domain/incident-events';
import { completeStep, STEP_TIMER_KIND, stepTimerKey } from '../domain/incident-steps';
import type { IncidentDetail } from '../incident-response';
import { IncidentStepsRepository } from '../incident-steps.repository';
import { IncidentsRepository } from '../incidents.repository';
import { INCIDENTS_NOW } from '../incidents-now';
import { FindIncident } from './find-incident';

export interface CompleteStepCommand {
  tenantId: string;
  incidentId: string;
  stepId: string;
  note?: string;
  actor: IncidentActor;
}

/**
 * Completes a plan step: marks it done, cancels its deadline timer, records it on the timeline and
 * publishes `audit.recorded`, in one transaction. Completing a done step again changes nothing and
 * answers the incident as it is. Undefined for an unknown incident; throws StepNotInPlan,
 * StepOwnerRequired, StepPrerequisitesOpen or IncidentClosed.
 */
@Injectable()
export class CompleteIncidentStep {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly incidents: IncidentsRepository,
    private readonly steps: IncidentStepsRepository,
    private readonly timers: DurableTimers,
    private readonly outbox: Outbox,
    private readonly findIncident: FindIncident,
    @Inject(INCIDENTS_NOW) private readonly clock: Clock,
  ) {}

  execute({ tenantId, incidentId, stepId, note, actor }: CompleteStepCommand): Promise<IncidentDetail | undefined> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.steps.lockIncident(manager, tenantId, incidentId))) return undefined;
      const incident = await this.incidents.find(manager, tenantId, incidentId);
      const steps = await this.steps.list(manager, tenantId, incidentId);
      const step = steps.find(({ id }) => id === stepId);
      if (!incident || !step) throw new StepNotInPlan(incidentId, stepId, steps.map(({ id }) => id));
      const completion = completeStep(step, actor, this.clock.now(), steps);
      if (completion.kind === 'already_done') return this.findIncident.execute(tenantId, incidentId, manager);
      if (incident.state === 'closed') throw new IncidentClosed(incidentId);
      const { at, late } = completion;
      await this.steps.complete(manager, tenantId, incidentId, stepId, { at, actor, note: note ?? null });
      await this.timers.cancel(manager, { tenantId, kind: STEP_TIMER_KIND, key: stepTimerKey(incidentId, stepId) });
      await this.incidents.appendTimeline(manager, tenantId, incidentId, { at, kind: 'step_completed', detail: { stepId, late, actor, ...(note ? { note } : {}) } });
      const audit = { actor, action: 'incident.step_complete', incidentId, before: { step: stepId, state: step.lateAt ? 'late' : 'pending' }, after: { step: stepId, state: 'done' }, summary: `step ${stepId} done`, at };
      await this.outbox.add(manager, [auditEvent(tenantId, audit, CorrelationContext.current()?.correlationId)]);
      return this.findIncident.execute(tenantId, incidentId, manager);
    });
  }
}
