import { Controller } from '@nestjs/common';
import type { EventTypesMatching, KnownCloudEvent } from '@hotline/contracts';
import { type EventBatchTransaction, OnEventBatch } from '@hotline/messaging';
import { AttributionRepository } from './attribution.repository';
import { RecordLedger } from './use-cases/record-ledger';

type Batch<P extends string> = readonly KnownCloudEvent<EventTypesMatching<P>>[];

/**
 * Consumes `quality.ledger` a batch at a time: evidence becomes points ledger entries, one event
 * after another in delivery order; assignments and agents' teams are kept for attribution.
 */
@Controller()
export class LedgerEventsHandler {
  constructor(
    private readonly recordLedger: RecordLedger,
    private readonly attribution: AttributionRepository,
  ) {}

  @OnEventBatch('contact.scored', { queue: 'ledger' })
  onScores(events: Batch<'contact.scored'>, tx: EventBatchTransaction): Promise<void> {
    return this.record(events, tx);
  }

  @OnEventBatch('sla.breached', { queue: 'ledger' })
  onBreaches(events: Batch<'sla.breached'>, tx: EventBatchTransaction): Promise<void> {
    return this.record(events, tx);
  }

  @OnEventBatch('sla.withdrawn', { queue: 'ledger' })
  onWithdrawals(events: Batch<'sla.withdrawn'>, tx: EventBatchTransaction): Promise<void> {
    return this.record(events, tx);
  }

  @OnEventBatch('survey.completed', { queue: 'ledger' })
  onSurveys(events: Batch<'survey.completed'>, tx: EventBatchTransaction): Promise<void> {
    return this.record(events, tx);
  }

  @OnEventBatch('contact.answered', { queue: 'ledger' })
  async onAnswers(events: Batch<'contact.answered'>, tx: EventBatchTransaction): Promise<void> {
    await this.recordLedger.attributeAnswers(tx.manager, events);
  }

  @OnEventBatch('case.assigned', { queue: 'ledger' })
  async onAssignments(events: Batch<'case.assigned'>, tx: EventBatchTransaction): Promise<void> {
    const assigned = events.flatMap((e) =>
      e.data.agentId === undefined ? [] : [{ tenantId: e.tenantid, caseId: e.data.caseId, eventId: e.id, agentId: e.data.agentId, assignedAt: new Date(e.data.assignedAt) }],
    );
    await this.attribution.recordAssignments(tx.manager, assigned);
  }

  @OnEventBatch('agent.status_changed', { queue: 'ledger' })
  async onAgents(events: Batch<'agent.status_changed'>, tx: EventBatchTransaction): Promise<void> {
    const teams = events.flatMap((e) => (e.data.team === undefined ? [] : [{ tenantId: e.tenantid, agentId: e.data.agentId, team: e.data.team, at: new Date(e.time) }]));
    await this.attribution.recordTeams(tx.manager, teams);
  }

  private async record(events: readonly Parameters<RecordLedger['execute']>[1][], tx: EventBatchTransaction): Promise<void> {
    for (const event of events) await this.recordLedger.execute(tx.manager, event);
  }
}
