import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { KnownCloudEvent } from '@hotline/contracts';
import { type AmqpContext, Inbox } from '@hotline/messaging';
import { CasesService } from './cases.service';

/** Consumes the `dispatch.cases` queue; each effect is applied once through the inbox. */
@Controller()
export class CaseEventsHandler {
  constructor(
    private readonly inbox: Inbox,
    private readonly cases: CasesService,
  ) {}

  @EventPattern('case.opened', { queue: 'cases' })
  async onCaseOpened(@Payload() event: KnownCloudEvent<'case.opened'>, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.inbox.apply(ctx.getQueue(), event, (manager) => this.cases.open(manager, event));
  }
}
