import { Controller } from '@nestjs/common';
import type { KnownCloudEvent } from '@hotline/contracts';
import { type EventBatchTransaction, OnEventBatch } from '@hotline/messaging';
import { RecordAgentStatuses } from './use-cases/record-agent-statuses';

/** Consumes `dispatch.agents`: who is available to take a case, a batch at a time. */
@Controller()
export class AgentEventsHandler {
  constructor(private readonly recordAgentStatuses: RecordAgentStatuses) {}

  @OnEventBatch('agent.status_changed', { queue: 'agents' })
  async onAgentStatuses(events: readonly KnownCloudEvent<'agent.status_changed'>[], tx: EventBatchTransaction): Promise<void> {
    await this.recordAgentStatuses.execute(
      tx.manager,
      events.map(({ tenantid, time, data }) => ({
        tenantId: tenantid,
        agentId: data.agentId,
        status: data.status,
        at: new Date(time),
        team: data.team,
        skills: data.skills,
        languages: data.languages,
      })),
    );
  }
}
