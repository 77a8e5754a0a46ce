import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DurableTimers } from '@hotline/timers';
import { DeliverWebhooks } from './use-cases/deliver-webhooks';
import { WEBHOOK_DELIVERY_TIMER } from './use-cases/log-alert-events';

/** Registers the webhook delivery timers' handler before the timers start firing (at bootstrap). */
@Injectable()
export class WebhookDeliveryTimer implements OnModuleInit {
  // A hybrid app (HTTP plus the AMQP transport) runs init hooks once for each.
  private registered = false;

  constructor(
    private readonly timers: DurableTimers,
    private readonly deliverWebhooks: DeliverWebhooks,
  ) {}

  onModuleInit(): void {
    if (this.registered) return;
    this.registered = true;
    this.timers.handleBatch(WEBHOOK_DELIVERY_TIMER, (manager, timers) => this.deliverWebhooks.execute(manager, timers));
  }
}
