import { Controller } from '@nestjs/common';
import type { EventTypesMatching, KnownCloudEvent } from '@hotline/contracts';
import { type EventBatchTransaction, OnEventBatch } from '@hotline/messaging';
import { JudgeQueueEvents } from './use-cases/judge-queue-events';
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

  @OnEventBatch('contact.queued', { queue: 'alerts' })
  onQueued(events: Batch<'contact.queued'>, tx: EventBatchTransaction): Promise<void> {
    return this.queueEvents.execute(tx.manager, events);
  }

  @OnEventBatch('contact.answered', { queue: 'alerts' })
  onAnswered(events: Batch<'contact.answered'>, tx: EventBatchTransaction): Promise<void> {
    return this.queueEvents.execute(tx.manager, events);
  }

  @OnEventBatch('contact.abandoned', { queue: 'alerts' })
  onAbandoned(events: Batch<'contact.abandoned'>, tx: EventBatchTransaction): Promise<void> {
    return this.queueEvents.execute(tx.manager, events);
  }

  @OnEventBatch('sla.breached', { queue: 'alerts' })
  onBreaches(events: Batch<'sla.breached'>, tx: EventBatchTransaction): Promise<void> {
    return this.signals.execute(tx.manager, events);
  }

  @OnEventBatch('sla.withdrawn', { queue: 'alerts' })
  onWithdrawals(events: Batch<'sla.withdrawn'>, tx: EventBatchTransaction): Promise<void> {
    return this.signals.execute(tx.manager, events);
  }

  @OnEventBatch('contact.scored', { queue: 'alerts' })
  onScores(events: Batch<'contact.scored'>, tx: EventBatchTransaction): Promise<void> {
    return this.signals.execute(tx.manager, events);
  }

  @OnEventBatch('audit.recorded', { queue: 'alerts' })
  onAudit(events: Batch<'audit.recorded'>, tx: EventBatchTransaction): Promise<void> {
    return this.outages.execute(tx.manager, events);
  }
}
