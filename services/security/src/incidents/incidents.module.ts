import { Module } from '@nestjs/common';
import { DetectionEventsHandler } from './detection-events.handler';
import { IncidentsRepository } from './incidents.repository';
import { DetectIncidents } from './use-cases/detect-incidents';

/**
 * Security incidents (issue 12 parts 1–2): detection rules over the bus open incidents, deduplicated,
 * each run by its type's response plan. Plan-step escalation on durable timers is planned.
 */
@Module({
  controllers: [DetectionEventsHandler],
  providers: [IncidentsRepository, DetectIncidents],
})
export class IncidentsModule {}
