import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CorrelationContext, Outbox } from '@hotline/messaging';
import type { IncidentActor } from '../domain/incident';
import { IncidentChangedMeanwhile } from '../domain/incident-errors';
import { transitionAuditEvent } from '../domain/incident-events';
import type { IncidentState } from '../domain/incident-state';
import type { IncidentDetail } from '../incident-response';
import { IncidentsRepository } from '../incidents.repository';
import { FindIncident } from './find-incident';

export interface IncidentTransitionCommand {
  tenantId: string;
  incidentId: string;
  to: IncidentState;
  reason: string;
  review?: string;
  actor: IncidentActor;
}

/**
 * Moves an incident: the move, its timeline entry and `audit.recorded` commit together or not at
 * all. Undefined for an unknown incident; throws IllegalIncidentTransition, ReviewRequired or
 * IncidentChangedMeanwhile (a racing move won).
 */
@Injectable()
export class TransitionIncident {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly incidents: IncidentsRepository,
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
      await this.outbox.add(manager, [transitionAuditEvent(tenantId, transition, CorrelationContext.current()?.correlationId)]);
      return this.findIncident.execute(tenantId, incidentId, manager);
    });
  }
}
