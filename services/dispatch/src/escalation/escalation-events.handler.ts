import { Controller } from '@nestjs/common';
import type { KnownCloudEvent } from '@hotline/contracts';
import { type EventTransaction, OnEvent } from '@hotline/messaging';
import { EscalateOnBreach } from './use-cases/escalate-on-breach';

/** Consumes `dispatch.escalations`: a case's breach starts its chain, the breach's withdrawal stops it; each event applied once. */
@Controller()
export class EscalationEventsHandler {
  constructor(private readonly escalateOnBreach: EscalateOnBreach) {}

  @OnEvent('sla.breached', { queue: 'escalations' })
  async onBreached(event: KnownCloudEvent<'sla.breached'>, tx: EventTransaction): Promise<void> {
    await this.escalateOnBreach.breached(tx.manager, event);
  }

  @OnEvent('sla.withdrawn', { queue: 'escalations' })
  async onWithdrawn(event: KnownCloudEvent<'sla.withdrawn'>, tx: EventTransaction): Promise<void> {
    await this.escalateOnBreach.withdrawn(tx.manager, event);
  }
}
