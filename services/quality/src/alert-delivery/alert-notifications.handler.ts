import { Controller } from '@nestjs/common';
import type { EventTypesMatching, KnownCloudEvent } from '@hotline/contracts';
import { type EventBatchTransaction, OnEventBatch } from '@hotline/messaging';
import { LogAlertEvents } from './use-cases/log-alert-events';

/**
 * Consumes `quality.alert-notifications` a batch at a time: quality's own alert events, heard
 * back from the bus, are logged once each and handed to the stream and the webhooks.
 */
@Controller()
export class AlertNotificationsHandler {
  constructor(private readonly logAlertEvents: LogAlertEvents) {}

  @OnEventBatch('alert.*', { queue: 'alert-notifications' })
  async onAlertEvents(events: readonly KnownCloudEvent<EventTypesMatching<'alert.*'>>[], tx: EventBatchTransaction): Promise<void> {
    await this.logAlertEvents.execute(
      tx.manager,
      events.map((event) => ({
        eventId: event.id,
        tenantId: event.tenantid,
        type: event.type,
        alertId: event.data.alertId,
        occurredAt: new Date(event.time),
        data: event.data as Record<string, unknown>,
      })),
    );
  }
}
