import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { CloudEvent } from '@hotline/contracts';
import { type AmqpContext, Inbox } from '@hotline/messaging';
import { AuditTrailService } from './audit-trail.service';

/** Consumes `security.audit`: every event on the bus is entered in the tenant's audit trail. */
@Controller()
export class AuditEventsHandler {
  constructor(
    private readonly inbox: Inbox,
    private readonly trail: AuditTrailService,
  ) {}

  @EventPattern('#', { queue: 'audit' })
  async onAnyEvent(@Payload() event: CloudEvent, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.inbox.apply(ctx.getQueue(), event, (manager) => this.trail.record(manager, event));
  }
}
