import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TenantStandards } from '@hotline/tenant-standards';
import { DurableTimers } from '@hotline/timers';
import type { IncidentSnapshot } from '../domain/incident';
import { STEP_TIMER_KIND, stepTimerKey } from '../domain/incident-steps';
import { type ResponsePlan, scheduleSteps } from '../domain/response-plans';
import { IncidentStepsRepository } from '../incident-steps.repository';

/**
 * Puts a new incident's response plan (the one in force for its tenant) to work, in the transaction that opens it: its steps with
 * their deadlines (a standard-bound step takes the tenant's standard in force at opening) and a
 * durable timer per deadline, which escalates the step if it falls due undone.
 */
@Injectable()
export class ScheduleIncidentSteps {
  constructor(
    private readonly steps: IncidentStepsRepository,
    private readonly timers: DurableTimers,
    private readonly standards: TenantStandards,
  ) {}

  async execute(manager: EntityManager, incident: IncidentSnapshot, plan: ResponsePlan): Promise<void> {
    const { tenantId, id: incidentId } = incident;
    const inForce = await this.standards.resolve(tenantId, incident.openedAt);
    const scheduled = scheduleSteps(plan, incident.severity, incident.openedAt, (id) => {
      const { seconds, standardId, standardVersion } = inForce.standard(id);
      return { seconds, standardId, standardVersion };
    });
    await this.steps.insert(manager, tenantId, incidentId, scheduled);
    await this.timers.setMany(
      manager,
      scheduled.map((step) => ({ tenantId, kind: STEP_TIMER_KIND, key: stepTimerKey(incidentId, step.id), dueAt: step.dueAt, payload: { incidentId, stepId: step.id } })),
    );
  }
}
