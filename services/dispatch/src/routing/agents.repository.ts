import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AgentRecord } from './domain/agent-status';
import type { TeamProfile } from './domain/eligibility';

/** A `dispatch.routing_agents` row as PostgreSQL returns it. */
interface AgentRow {
  tenant_id: string;
  agent_id: string;
  team: string | null;
  skills: string[];
  languages: string[];
  regions: string[];
  status: AgentRecord['status'];
  status_at: Date | null;
  profile_by_admin: boolean;
}

const AGENT_COLUMNS = 'tenant_id, agent_id, team, skills, languages, regions, status, status_at, profile_by_admin';

function toAgent(row: AgentRow): AgentRecord {
  return {
    tenantId: row.tenant_id,
    agentId: row.agent_id,
    team: row.team,
    skills: row.skills,
    languages: row.languages,
    regions: row.regions,
    status: row.status,
    statusAt: row.status_at === null ? null : new Date(row.status_at),
    profileByAdmin: row.profile_by_admin,
  };
}

function toRow(agent: AgentRecord): AgentRow {
  return {
    tenant_id: agent.tenantId,
    agent_id: agent.agentId,
    team: agent.team,
    skills: [...agent.skills],
    languages: [...agent.languages],
    regions: [...agent.regions],
    status: agent.status,
    status_at: agent.statusAt,
    profile_by_admin: agent.profileByAdmin,
  };
}

export interface TeamRecord extends TeamProfile {
  tenantId: string;
  name: string | null;
}

interface TeamRow {
  tenant_id: string;
  team_id: string;
  name: string | null;
  skills: string[];
  languages: string[];
  regions: string[];
}

const toTeam = (row: TeamRow): TeamRecord => ({ tenantId: row.tenant_id, teamId: row.team_id, name: row.name, skills: row.skills, languages: row.languages, regions: row.regions });

/** Agents and teams, tenant-scoped, read and written in the caller's transaction where one is given. */
@Injectable()
export class AgentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The agents of these (tenant, agent) pairs that exist, locked in key order until the transaction ends. */
  async lockMany(manager: EntityManager, refs: readonly { tenantId: string; agentId: string }[]): Promise<AgentRecord[]> {
    if (refs.length === 0) return [];
    const rows: AgentRow[] = await manager.query(
      `SELECT ${AGENT_COLUMNS} FROM dispatch.routing_agents
       WHERE (tenant_id, agent_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))
       ORDER BY tenant_id, agent_id FOR UPDATE`,
      [refs.map((r) => r.tenantId), refs.map((r) => r.agentId)],
    );
    return rows.map(toAgent);
  }

  /** Inserts or replaces these agents, in one statement. */
  async saveMany(manager: EntityManager, agents: readonly AgentRecord[]): Promise<void> {
    if (agents.length === 0) return;
    await manager.query(
      `INSERT INTO dispatch.routing_agents (${AGENT_COLUMNS})
       SELECT ${AGENT_COLUMNS} FROM jsonb_to_recordset($1::jsonb) AS r(tenant_id text, agent_id text, team text, skills text[],
         languages text[], regions text[], status text, status_at timestamptz, profile_by_admin boolean)
       ON CONFLICT (tenant_id, agent_id) DO UPDATE SET team = excluded.team, skills = excluded.skills, languages = excluded.languages,
         regions = excluded.regions, status = excluded.status, status_at = excluded.status_at, profile_by_admin = excluded.profile_by_admin, updated_at = now()`,
      [JSON.stringify(agents.map(toRow))],
    );
  }

  async find(manager: EntityManager | undefined, tenantId: string, agentId: string): Promise<AgentRecord | undefined> {
    const [row] = await (manager ?? this.dataSource.manager).query(`SELECT ${AGENT_COLUMNS} FROM dispatch.routing_agents WHERE tenant_id = $1 AND agent_id = $2`, [tenantId, agentId]);
    return row ? toAgent(row as AgentRow) : undefined;
  }

  /** A tenant's agents in agent id order, after `after`. */
  async list(tenantId: string, limit: number, after?: string): Promise<AgentRecord[]> {
    const rows: AgentRow[] = await this.dataSource.query(
      `SELECT ${AGENT_COLUMNS} FROM dispatch.routing_agents WHERE tenant_id = $1 AND ($2::text IS NULL OR agent_id > $2) ORDER BY agent_id LIMIT $3`,
      [tenantId, after ?? null, limit],
    );
    return rows.map(toAgent);
  }

  /** The tenant's available agents: who a case may be routed to now. */
  async available(manager: EntityManager, tenantId: string): Promise<AgentRecord[]> {
    const rows: AgentRow[] = await manager.query(`SELECT ${AGENT_COLUMNS} FROM dispatch.routing_agents WHERE tenant_id = $1 AND status = 'available'`, [tenantId]);
    return rows.map(toAgent);
  }

  async saveTeam(manager: EntityManager, team: TeamRecord): Promise<void> {
    await manager.query(
      `INSERT INTO dispatch.routing_teams (tenant_id, team_id, name, skills, languages, regions) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (tenant_id, team_id) DO UPDATE SET name = excluded.name, skills = excluded.skills, languages = excluded.languages,
         regions = excluded.regions, updated_at = now()`,
      [team.tenantId, team.teamId, team.name, team.skills, team.languages, team.regions],
    );
  }

  async findTeam(manager: EntityManager | undefined, tenantId: string, teamId: string): Promise<TeamRecord | undefined> {
    const [row] = await (manager ?? this.dataSource.manager).query(
      `SELECT tenant_id, team_id, name, skills, languages, regions FROM dispatch.routing_teams WHERE tenant_id = $1 AND team_id = $2`,
      [tenantId, teamId],
    );
    return row ? toTeam(row as TeamRow) : undefined;
  }

  async teams(manager: EntityManager, tenantId: string): Promise<Map<string, TeamRecord>> {
    const rows: TeamRow[] = await manager.query(`SELECT tenant_id, team_id, name, skills, languages, regions FROM dispatch.routing_teams WHERE tenant_id = $1`, [tenantId]);
    return new Map(rows.map((row) => [row.team_id, toTeam(row)]));
  }
}
