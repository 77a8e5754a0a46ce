import { Controller } from '@nestjs/common';
import type { KnownCloudEvent } from '@hotline/contracts';
import { type EventTransaction, OnEvent } from '@hotline/messaging';
import { CasesService } from './cases.service';

/** Consumes the `dispatch.cases` queue; the transport applies each event once, in batches. */
@Controller()
export class CaseEventsHandler {
  constructor(private readonly cases: CasesService) {}

  @OnEvent('case.opened', { queue: 'cases' })
  async onCaseOpened(event: KnownCloudEvent<'case.opened'>, tx: EventTransaction): Promise<void> {
    await this.cases.open(tx.manager, event);
  }
}
