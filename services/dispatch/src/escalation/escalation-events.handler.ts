import { Controller } from '@nestjs/common';
import type { KnownCloudEvent } from '@hotline/contracts';
import { type EventTransaction, OnEvent } from '@hotline/messaging';
import { EscalateOnBreach } from './use-cases/escalate-on-breach';

/** Only a case's breaches escalate: contacts' (a thousand a second at peak) are acked without a transaction. */
const notACase = (event: KnownCloudEvent<'sla.breached' | 'sla.withdrawn'>) => event.data.subjectType !== 'case';

/** Consumes `dispatch.escalations`: a case's breach starts its chain, the breach's withdrawal stops it; each event applied once. */
@Controller()
export class EscalationEventsHandler {
  constructor(private readonly escalateOnBreach: EscalateOnBreach) {}

  @OnEvent('sla.breached', { queue: 'escalations', skips: notACase })
  async onBreached(event: KnownCloudEvent<'sla.breached'>, tx: EventTransaction): Promise<void> {
    await this.escalateOnBreach.breached(tx.manager, event);
  }

  @OnEvent('sla.withdrawn', { queue: 'escalations', skips: notACase })
  async onWithdrawn(event: KnownCloudEvent<'sla.withdrawn'>, tx: EventTransaction): Promise<void> {
    await this.escalateOnBreach.withdrawn(tx.manager, event);
  }
}
