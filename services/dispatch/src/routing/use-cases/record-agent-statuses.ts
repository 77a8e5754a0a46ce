import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AgentsRepository } from '../agents.repository';
import { type AgentRecord, applyReport, newestPerAgent, type StatusReport } from '../domain/agent-status';
import { RouteCase } from './route-case';

/**
 * A batch of `agent.status_changed`, in the batch's transaction: each agent takes its newest
 * status (an older report never overwrites a newer one), and the waiting cases of every tenant
 * where someone became available are routed again.
 */
@Injectable()
export class RecordAgentStatuses {
  constructor(
    private readonly agents: AgentsRepository,
    private readonly routeCase: RouteCase,
  ) {}

  async execute(manager: EntityManager, reports: readonly StatusReport[]): Promise<void> {
    const newest = newestPerAgent(reports);
    const held = new Map((await this.agents.lockMany(manager, newest)).map((agent) => [JSON.stringify([agent.tenantId, agent.agentId]), agent]));
    const changed = newest
      .map((report) => applyReport(held.get(JSON.stringify([report.tenantId, report.agentId])), report))
      .filter((agent): agent is AgentRecord => agent !== undefined);
    await this.agents.saveMany(manager, changed);
    const tenants = new Set(changed.filter((agent) => agent.status === 'available').map((agent) => agent.tenantId));
    for (const tenantId of [...tenants].sort()) await this.routeCase.waiting(manager, tenantId);
  }
}
