import { Module } from '@nestjs/common';
import { systemClock } from '@hotline/timers';
import { KpiConfig } from '../kpis/kpi-config';
import { AlertEventsHandler } from './alert-events.handler';
import { AlertMinutesRepository } from './alert-minutes.repository';
import { AlertOutagesRepository } from './alert-outages.repository';
import { AlertPruning } from './alert-pruning';
import { AlertRulesController } from './alert-rules.controller';
import { AlertRulesRepository } from './alert-rules.repository';
import { AlertTimers } from './alert-timers';
import { ALERTS_CLOCK } from './alerts-clock';
import { AlertsConfig } from './alerts-config';
import { AlertsController } from './alerts.controller';
import { AlertsRepository } from './alerts.repository';
import { QueueOutcomesRepository } from './queue-outcomes.repository';
import { SilencesController } from './silences.controller';
import { SilencesRepository } from './silences.repository';
import { AlertEngine } from './use-cases/alert-engine';
import { JudgeQueueEvents } from './use-cases/judge-queue-events';
import { JudgeSignalEvents } from './use-cases/judge-signal-events';
import { ManageAlerts } from './use-cases/manage-alerts';
import { ManageRules } from './use-cases/manage-rules';
import { ManageSilences } from './use-cases/manage-silences';
import { EscalateAlerts, RecheckAlerts } from './use-cases/recheck-alerts';
import { TrackOutages } from './use-cases/track-outages';
import { AlertsPort } from './alerts-port';

/**
 * Live alerts (issue 11 part 4, MANUAL 5.2): rules per tenant, sliding windows, the alert
 * lifecycle with silences, grouping, inhibition and escalation, published through the outbox.
 * Delivery (SSE, webhooks) consumes those events elsewhere.
 */
@Module({
  controllers: [AlertRulesController, AlertsController, SilencesController, AlertEventsHandler],
  providers: [
    AlertRulesRepository,
    AlertMinutesRepository,
    AlertOutagesRepository,
    AlertsRepository,
    QueueOutcomesRepository,
    SilencesRepository,
    { provide: AlertsConfig, useFactory: () => new AlertsConfig() },
    { provide: KpiConfig, useFactory: () => new KpiConfig() },
    { provide: ALERTS_CLOCK, useValue: systemClock },
    AlertEngine,
    JudgeQueueEvents,
    JudgeSignalEvents,
    TrackOutages,
    RecheckAlerts,
    EscalateAlerts,
    AlertTimers,
    AlertPruning,
    ManageRules,
    ManageAlerts,
    ManageSilences,
    AlertsPort,
  ],
  exports: [AlertsPort],
})
export class AlertsModule {}
