import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { KnownCloudEvent } from '@hotline/contracts';
import { type AmqpContext, Inbox } from '@hotline/messaging';
import { ContactTalliesService } from './contact-tallies.service';

/** Consumes `quality.kpis`: every contact event feeds the tallies the KPIs are computed from. */
@Controller()
export class ContactEventsHandler {
  constructor(
    private readonly inbox: Inbox,
    private readonly tallies: ContactTalliesService,
  ) {}

  @EventPattern('contact.*', { queue: 'kpis' })
  async onContactEvent(
    @Payload() event: KnownCloudEvent<'contact.queued' | 'contact.answered' | 'contact.abandoned' | 'contact.ended'>,
    @Ctx() ctx: AmqpContext,
  ): Promise<void> {
    await this.inbox.apply(ctx.getQueue(), event, (manager) => this.tallies.count(manager, event));
  }
}
