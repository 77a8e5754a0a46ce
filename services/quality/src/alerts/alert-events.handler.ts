import { Controller } from '@nestjs/common';
import type { EventTypesMatching, KnownCloudEvent } from '@hotline/contracts';
import { type EventBatchTransaction, OnEventBatch } from '@hotline/messaging';
import { isQueueEvent, JudgeQueueEvents } from './use-cases/judge-queue-events';
import { JudgeSignalEvents } from './use-cases/judge-signal-events';
import { TrackOutages } from './use-cases/track-outages';

type Batch<P extends string> = readonly KnownCloudEvent<EventTypesMatching<P>>[];

/**
 * Consumes `quality.alerts` a batch at a time (its own queue, apart from the KPIs': its own
 * batches, failures and dead letters). The batch's handlers share its transaction, so the windows,
 * the alerts and their outbox events commit together.
 */
@Controller()
export class AlertEventsHandler {
  constructor(
    private readonly queueEvents: JudgeQueueEvents,
    private readonly signals: JudgeSignalEvents,
    private readonly outages: TrackOutages,
  ) {}

  /** Queue outcomes and scores of one batch together: the KPI rules judge the batch whole, once. */
  @OnEventBatch('contact.*', { queue: 'alerts' })
  async onContactEvents(events: Batch<'contact.*'>, tx: EventBatchTransaction): Promise<void> {
    await this.queueEvents.execute(tx.manager, events.filter(isQueueEvent));
    await this.signals.execute(tx.manager, events.filter((e): e is KnownCloudEvent<'contact.scored'> => e.type === 'contact.scored'));
  }

  @OnEventBatch('sla.breached', { queue: 'alerts' })
  onBreaches(events: Batch<'sla.breached'>, tx: EventBatchTransaction): Promise<void> {
    return this.signals.execute(tx.manager, events);
  }

  @OnEventBatch('sla.withdrawn', { queue: 'alerts' })
  onWithdrawals(events: Batch<'sla.withdrawn'>, tx: EventBatchTransaction): Promise<void> {
    return this.signals.execute(tx.manager, events);
  }

  @OnEventBatch('audit.recorded', { queue: 'alerts' })
  onAudit(events: Batch<'audit.recorded'>, tx: EventBatchTransaction): Promise<void> {
    return this.outages.execute(tx.manager, events);
  }
}
