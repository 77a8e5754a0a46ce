import { Controller } from '@nestjs/common';
import type { KnownCloudEvent } from '@hotline/contracts';
import { type EventTransaction, OnEvent } from '@hotline/messaging';
import { OpenCase } from './use-cases/open-case';

/** Consumes the `dispatch.cases` queue: each opening event opens its case; the transport applies each event once, in batches. */
@Controller()
export class CaseEventsHandler {
  constructor(private readonly openCase: OpenCase) {}

  @OnEvent('case.opened', { queue: 'cases' })
  async onCaseOpened(event: KnownCloudEvent<'case.opened'>, tx: EventTransaction): Promise<void> {
    await this.openCase.execute(tx.manager, event);
  }

  @OnEvent('fault.reported', { queue: 'cases' })
  async onFaultReported(event: KnownCloudEvent<'fault.reported'>, tx: EventTransaction): Promise<void> {
    await this.openCase.execute(tx.manager, event);
  }

  @OnEvent('complaint.filed', { queue: 'cases' })
  async onComplaintFiled(event: KnownCloudEvent<'complaint.filed'>, tx: EventTransaction): Promise<void> {
    await this.openCase.execute(tx.manager, event);
  }
}
