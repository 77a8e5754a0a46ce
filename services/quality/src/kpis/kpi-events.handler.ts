import { Controller } from '@nestjs/common';
import type { EventTypesMatching, KnownCloudEvent } from '@hotline/contracts';
import { type EventBatchTransaction, OnEventBatch } from '@hotline/messaging';
import { CountContactEvents } from './use-cases/count-contact-events';
import { RecordCaseDeadlineFacts } from './use-cases/record-case-deadline-facts';
import { RecordKpiFacts } from './use-cases/record-kpi-facts';

type Batch<P extends string> = readonly KnownCloudEvent<EventTypesMatching<P>>[];

/**
 * Consumes `quality.kpis` a batch at a time (DESIGN decision 14): contact events feed the daily
 * tallies and every event its contact's KPI facts; a case's clock verdicts and assignments its
 * deadline facts. The batch's handlers share its transaction, and its cell changes one statement.
 */
@Controller()
export class KpiEventsHandler {
  constructor(
    private readonly recordKpiFacts: RecordKpiFacts,
    private readonly countContactEvents: CountContactEvents,
    private readonly recordCaseDeadlines: RecordCaseDeadlineFacts,
  ) {}

  @OnEventBatch('contact.*', { queue: 'kpis' })
  async onContactEvents(events: Batch<'contact.*'>, tx: EventBatchTransaction): Promise<void> {
    await this.countContactEvents.execute(tx.manager, events);
    await this.recordKpiFacts.execute(tx.manager, events);
  }

  @OnEventBatch('survey.completed', { queue: 'kpis' })
  async onSurveys(events: Batch<'survey.completed'>, tx: EventBatchTransaction): Promise<void> {
    await this.recordKpiFacts.execute(tx.manager, events);
  }

  @OnEventBatch('complaint.filed', { queue: 'kpis' })
  async onComplaints(events: Batch<'complaint.filed'>, tx: EventBatchTransaction): Promise<void> {
    await this.recordKpiFacts.execute(tx.manager, events);
  }

  @OnEventBatch('sla.breached', { queue: 'kpis' })
  async onBreaches(events: Batch<'sla.breached'>, tx: EventBatchTransaction): Promise<void> {
    await this.recordKpiFacts.execute(tx.manager, events, await this.recordCaseDeadlines.execute(tx.manager, events));
  }

  @OnEventBatch('sla.withdrawn', { queue: 'kpis' })
  async onWithdrawals(events: Batch<'sla.withdrawn'>, tx: EventBatchTransaction): Promise<void> {
    await this.recordKpiFacts.execute(tx.manager, events, await this.recordCaseDeadlines.execute(tx.manager, events));
  }

  @OnEventBatch('sla.stopped', { queue: 'kpis' })
  async onStops(events: Batch<'sla.stopped'>, tx: EventBatchTransaction): Promise<void> {
    await this.recordKpiFacts.execute(tx.manager, [], await this.recordCaseDeadlines.execute(tx.manager, events));
  }

  @OnEventBatch('case.assigned', { queue: 'kpis' })
  async onAssignments(events: Batch<'case.assigned'>, tx: EventBatchTransaction): Promise<void> {
    await this.recordKpiFacts.execute(tx.manager, [], await this.recordCaseDeadlines.execute(tx.manager, events));
  }
}
