import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Outbox } from '@hotline/messaging';
import type { CaseActor } from '../../cases/domain/service-case';
import { AgentsRepository, type TeamRecord } from '../agents.repository';
import type { AgentRecord } from '../domain/agent-status';
import type { RoutingRule } from '../domain/routing-rules';
import { routingAudit } from '../routing-audit';
import { type RuleSet, RulesRepository } from '../rules.repository';
import { RouteCase } from './route-case';

export interface AgentProfile {
  team: string | null;
  skills: string[];
  languages: string[];
  regions: string[];
}

export type TeamProfileRequest = Omit<TeamRecord, 'tenantId' | 'teamId'>;

/**
 * The admin API's changes to agents, teams and rules: each with its `audit.recorded`, in one
 * transaction. A profile that changes who may take what offers the tenant's waiting cases again.
 */
@Injectable()
export class AdministerRouting {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agents: AgentsRepository,
    private readonly rules: RulesRepository,
    private readonly routeCase: RouteCase,
    private readonly outbox: Outbox,
  ) {}

  /** Sets an agent's profile (creating the agent, offline, if unknown); its status stays the events'. */
  putAgent(tenantId: string, agentId: string, profile: AgentProfile, actor: CaseActor): Promise<AgentRecord> {
    return this.dataSource.transaction(async (manager) => {
      const [held] = await this.agents.lockMany(manager, [{ tenantId, agentId }]);
      const agent: AgentRecord = { ...(held ?? { tenantId, agentId, status: 'offline', statusAt: null }), ...profile, profileByAdmin: true };
      await this.agents.saveMany(manager, [agent]);
      const after = { team: profile.team, skills: profile.skills.length, languages: profile.languages, regions: profile.regions.length };
      await this.outbox.add(manager, [routingAudit({ tenantId, actor, action: 'agent.put', subject: { type: 'agent', id: agentId }, after, summary: `agent ${agentId} profile set` })]);
      if (agent.status === 'available') await this.routeCase.waiting(manager, tenantId);
      return agent;
    });
  }

  putTeam(tenantId: string, teamId: string, profile: TeamProfileRequest, actor: CaseActor): Promise<TeamRecord> {
    return this.dataSource.transaction(async (manager) => {
      const team: TeamRecord = { tenantId, teamId, ...profile };
      await this.agents.saveTeam(manager, team);
      const after = { skills: profile.skills.length, languages: profile.languages, regions: profile.regions.length };
      await this.outbox.add(manager, [routingAudit({ tenantId, actor, action: 'team.put', subject: { type: 'team', id: teamId }, after, summary: `team ${teamId} profile set` })]);
      await this.routeCase.waiting(manager, tenantId);
      return team;
    });
  }

  /** Replaces the tenant's rules; they decide for cases opened from now on. */
  putRules(tenantId: string, rules: RoutingRule[], actor: CaseActor): Promise<RuleSet> {
    return this.dataSource.transaction(async (manager) => {
      const updatedAt = await this.rules.save(manager, tenantId, rules);
      const audit = routingAudit({ tenantId, actor, action: 'routing_rules.put', subject: { type: 'routing_rules', id: tenantId }, after: { rules: rules.length }, summary: `${rules.length} routing rules set` });
      await this.outbox.add(manager, [audit]);
      return { rules, updatedAt };
    });
  }
}
