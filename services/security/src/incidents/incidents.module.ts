import { Module } from '@nestjs/common';
import { DetectionEventsHandler } from './detection-events.handler';
import { IncidentsController } from './incidents.controller';
import { IncidentsRepository } from './incidents.repository';
import { DetectIncidents } from './use-cases/detect-incidents';
import { FindIncident } from './use-cases/find-incident';
import { ListIncidents } from './use-cases/list-incidents';
import { TransitionIncident } from './use-cases/transition-incident';

/**
 * Security incidents (issue 12 parts 1–2): detection rules over the bus open incidents, deduplicated,
 * each run by its type's response plan. Plan-step escalation on durable timers is planned.
 */
@Module({
  controllers: [IncidentsController, DetectionEventsHandler],
  providers: [IncidentsRepository, DetectIncidents, ListIncidents, FindIncident, TransitionIncident],
  // Detection (audit reads, platform reports) and inspections open incidents through it.
  exports: [DetectIncidents],
})
export class IncidentsModule {}
