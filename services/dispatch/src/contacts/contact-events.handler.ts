import { Controller } from '@nestjs/common';
import type { EventTypesMatching, KnownCloudEvent } from '@hotline/contracts';
import { type EventBatchTransaction, OnEventBatch } from '@hotline/messaging';
import { ClockContactEvents } from './use-cases/clock-contact-events';

/** Consumes `dispatch.contacts`: every contact event moves its answer clock, a batch at a time. */
@Controller()
export class ContactEventsHandler {
  constructor(private readonly clockContactEvents: ClockContactEvents) {}

  @OnEventBatch('contact.*', { queue: 'contacts' })
  async onContactEvents(events: readonly KnownCloudEvent<EventTypesMatching<'contact.*'>>[], tx: EventBatchTransaction): Promise<void> {
    await this.clockContactEvents.execute(tx, events);
  }
}
