import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { encodeCursor } from '../../cases/page-cursor';
import { AgentsRepository, type TeamRecord } from '../agents.repository';
import { AssignmentsRepository, type StoredAssignment } from '../assignments.repository';
import type { AgentRecord } from '../domain/agent-status';
import { type RuleSet, RulesRepository } from '../rules.repository';

/** What routing holds, tenant-scoped, for the admin API and a case's assignment. */
@Injectable()
export class ReadRouting {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agents: AgentsRepository,
    private readonly rules: RulesRepository,
    private readonly assignments: AssignmentsRepository,
  ) {}

  agent(tenantId: string, agentId: string): Promise<AgentRecord | undefined> {
    return this.agents.find(undefined, tenantId, agentId);
  }

  /** A page of the tenant's agents in agent id order, with the cursor of the next page. */
  async agentPage(tenantId: string, limit: number, after?: string): Promise<{ items: AgentRecord[]; nextCursor: string | null }> {
    const items = await this.agents.list(tenantId, limit, after);
    const last = items.at(-1);
    return { items, nextCursor: items.length === limit && last ? encodeCursor([last.agentId]) : null };
  }

  team(tenantId: string, teamId: string): Promise<TeamRecord | undefined> {
    return this.agents.findTeam(undefined, tenantId, teamId);
  }

  ruleSet(tenantId: string): Promise<RuleSet> {
    return this.rules.find(this.dataSource.manager, tenantId);
  }

  assignment(tenantId: string, caseId: string): Promise<StoredAssignment | undefined> {
    return this.assignments.find(this.dataSource.manager, tenantId, caseId);
  }
}
