import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DurableTimers } from '@hotline/timers';
import { type AlertEventToLog, AlertNotificationsRepository } from '../alert-notifications.repository';
import type { AlertNotification } from '../domain/alert-notification';
import { WebhookDeliveriesRepository } from '../webhook-deliveries.repository';

/** The timer that sends (and re-sends) one webhook delivery; its key is the delivery id. */
export const WEBHOOK_DELIVERY_TIMER = 'webhook.delivery';

/**
 * Logs a batch of alert events once each and, for each newly logged one, queues a delivery to
 * every webhook of its tenant that takes its type, each on a durable timer due now: all in the
 * consumer's transaction, so an event is either logged with its deliveries or not at all.
 */
@Injectable()
export class LogAlertEvents {
  constructor(
    private readonly notifications: AlertNotificationsRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly timers: DurableTimers,
  ) {}

  async execute(manager: EntityManager, events: readonly AlertEventToLog[]): Promise<AlertNotification[]> {
    const logged = await this.notifications.logMany(manager, events);
    const queued = await this.deliveries.queueFor(manager, logged);
    const now = new Date();
    await this.timers.setMany(
      manager,
      queued.map((d) => ({ tenantId: d.tenantId, kind: WEBHOOK_DELIVERY_TIMER, key: d.id, dueAt: now })),
    );
    return logged;
  }
}
