import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Outbox } from '@hotline/messaging';
import type { Clock, FiredTimer } from '@hotline/timers';
import { escalatedEvent } from '../domain/incident-events';
import { escalates } from '../domain/incident-steps';
import { IncidentStepsRepository } from '../incident-steps.repository';
import { IncidentsRepository } from '../incidents.repository';
import { INCIDENTS_NOW } from '../incidents-now';

/**
 * A step's deadline fired (in the timer's transaction): if the step is still undone and the
 * incident not closed, mark it late, raise the incident's escalation level, record it on the
 * timeline and publish `incident.escalated`. Idempotent: a step escalates once.
 */
@Injectable()
export class EscalateOverdueStep {
  constructor(
    private readonly incidents: IncidentsRepository,
    private readonly steps: IncidentStepsRepository,
    private readonly outbox: Outbox,
    @Inject(INCIDENTS_NOW) private readonly clock: Clock,
  ) {}

  async execute(manager: EntityManager, timer: FiredTimer): Promise<void> {
    const { tenantId } = timer;
    const { incidentId, stepId } = timer.payload as { incidentId: string; stepId: string };
    if (!(await this.steps.lockIncident(manager, tenantId, incidentId))) return;
    const incident = await this.incidents.find(manager, tenantId, incidentId);
    const step = (await this.steps.list(manager, tenantId, incidentId)).find(({ id }) => id === stepId);
    if (!incident || !step || !escalates(step, incident.state)) return;
    const at = this.clock.now();
    if (!(await this.steps.markLate(manager, tenantId, incidentId, stepId, at))) return;
    const level = await this.steps.raiseEscalation(manager, tenantId, incidentId, at);
    const { late, lateByMs } = timer;
    await this.incidents.appendTimeline(manager, tenantId, incidentId, {
      at,
      kind: 'step_overdue',
      detail: { stepId, ownerRole: step.ownerRole, dueAt: step.dueAt.toISOString(), escalationLevel: level, late, lateByMs, ...(step.standard ?? {}) },
    });
    await this.outbox.add(manager, [escalatedEvent(incident.snapshot, step, { level, late, at })]);
  }
}
