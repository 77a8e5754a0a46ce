import { Module } from '@nestjs/common';
import { systemClock } from '@hotline/timers';
import { DetectionEventsHandler } from './detection-events.handler';
import { EvidenceController } from './evidence.controller';
import { evidenceMaxBytesProvider } from './evidence-max-bytes';
import { EvidenceRepository } from './evidence.repository';
import { IncidentStepTimer } from './incident-step.timer';
import { IncidentStepsController } from './incident-steps.controller';
import { IncidentStepsRepository } from './incident-steps.repository';
import { IncidentsController } from './incidents.controller';
import { INCIDENTS_NOW } from './incidents-now';
import { IncidentsRepository } from './incidents.repository';
import { ResponsePlansController } from './response-plans.controller';
import { ResponsePlansRepository } from './response-plans.repository';
import { AccessEvidence } from './use-cases/access-evidence';
import { AddEvidence } from './use-cases/add-evidence';
import { CompleteIncidentStep } from './use-cases/complete-incident-step';
import { DetectIncidents } from './use-cases/detect-incidents';
import { EscalateOverdueStep } from './use-cases/escalate-overdue-step';
import { FindIncident } from './use-cases/find-incident';
import { ListEvidence } from './use-cases/list-evidence';
import { ListIncidents } from './use-cases/list-incidents';
import { ListResponsePlans } from './use-cases/list-response-plans';
import { PlanInForce } from './use-cases/plan-in-force';
import { PutResponsePlan } from './use-cases/put-response-plan';
import { ScheduleIncidentSteps } from './use-cases/schedule-incident-steps';
import { TransitionIncident } from './use-cases/transition-incident';

/**
 * Security incidents (issue 12 parts 1–2): detection rules over the bus open incidents, deduplicated,
 * each run by its type's response plan: steps as live work whose deadlines are durable timers (a
 * step undone at its deadline escalates), a post-incident review to close, and evidence kept with
 * its SHA-256 and chain of custody. A tenant may replace a type's built-in plan with its own
 * versions (migration 1797500000000).
 */
@Module({
  controllers: [IncidentsController, IncidentStepsController, EvidenceController, ResponsePlansController, DetectionEventsHandler],
  providers: [
    { provide: INCIDENTS_NOW, useValue: systemClock },
    evidenceMaxBytesProvider,
    IncidentsRepository,
    IncidentStepsRepository,
    EvidenceRepository,
    DetectIncidents,
    ScheduleIncidentSteps,
    ListIncidents,
    FindIncident,
    TransitionIncident,
    CompleteIncidentStep,
    EscalateOverdueStep,
    IncidentStepTimer,
    AddEvidence,
    ListEvidence,
    AccessEvidence,
    ResponsePlansRepository,
    PlanInForce,
    PutResponsePlan,
    ListResponsePlans,
  ],
  // Detection (audit reads, platform reports) and inspections open incidents through it.
  exports: [DetectIncidents],
})
export class IncidentsModule {}
