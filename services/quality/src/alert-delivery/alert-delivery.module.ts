import { Module } from '@nestjs/common';
import { AlertDeliveryConfig } from './alert-delivery-config';
import { AlertNotificationsHandler } from './alert-notifications.handler';
import { AlertNotificationsRepository } from './alert-notifications.repository';
import { AlertStreamController } from './alert-stream.controller';
import { AlertStreamFeed } from './alert-stream-feed';
import { DeliverWebhooks } from './use-cases/deliver-webhooks';
import { LogAlertEvents } from './use-cases/log-alert-events';
import { RegisterWebhook } from './use-cases/register-webhook';
import { RemoveWebhook } from './use-cases/remove-webhook';
import { StreamAlerts } from './use-cases/stream-alerts';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookDeliveryTimer } from './webhook-delivery.timer';
import { WebhookDestinations } from './webhook-destinations';
import { WebhookSecrets } from './webhook-secrets';
import { WebhookSender } from './webhook-sender';
import { WebhooksController } from './webhooks.controller';
import { WebhooksRepository } from './webhooks.repository';

/**
 * Alert delivery (issue 11 part 4): alert events from the bus logged once per tenant, streamed
 * to supervisors (SSE, resumable) and posted to signed webhooks with retries on durable timers.
 * Needs the TimersModule (DurableTimers) in the app.
 */
@Module({
  controllers: [AlertStreamController, WebhooksController, AlertNotificationsHandler],
  providers: [
    { provide: AlertDeliveryConfig, useFactory: () => new AlertDeliveryConfig() },
    AlertNotificationsRepository,
    WebhooksRepository,
    WebhookDeliveriesRepository,
    WebhookSecrets,
    WebhookDestinations,
    WebhookSender,
    AlertStreamFeed,
    LogAlertEvents,
    DeliverWebhooks,
    WebhookDeliveryTimer,
    RegisterWebhook,
    RemoveWebhook,
    StreamAlerts,
  ],
})
export class AlertDeliveryModule {}
