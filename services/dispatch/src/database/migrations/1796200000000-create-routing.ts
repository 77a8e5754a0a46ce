import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Routing (issue 10 part 4): agents with their profile and latest status, teams, each tenant's
 * ordered rules, and each case's assignment (waiting, offered, accepted).
 */
export class CreateRouting1796200000000 implements MigrationInterface {
  name = 'CreateRouting1796200000000';

  async up(q: QueryRunner): Promise<void> {
    // profile_by_admin: once the admin API describes an agent, status events no longer change its profile.
    await q.query(`
      CREATE TABLE dispatch.routing_agents (
        tenant_id text NOT NULL,
        agent_id text NOT NULL,
        team text NULL,
        skills text[] NOT NULL DEFAULT '{}',
        languages text[] NOT NULL DEFAULT '{}',
        regions text[] NOT NULL DEFAULT '{}',
        profile_by_admin boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'offline',
        status_at timestamptz NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, agent_id)
      )`);
    await q.query(`
      CREATE TABLE dispatch.routing_teams (
        tenant_id text NOT NULL,
        team_id text NOT NULL,
        name text NULL,
        skills text[] NOT NULL DEFAULT '{}',
        languages text[] NOT NULL DEFAULT '{}',
        regions text[] NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, team_id)
      )`);
    await q.query(`
      CREATE TABLE dispatch.routing_rules (
        tenant_id text PRIMARY KEY,
        rules jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE dispatch.case_assignments (
        tenant_id text NOT NULL,
        case_id text NOT NULL,
        requirement jsonb NOT NULL,
        state text NOT NULL,
        agent_id text NULL,
        priority text NOT NULL,
        opened_at timestamptz NOT NULL,
        offered_at timestamptz NULL,
        accepted_at timestamptz NULL,
        lapsed_by text[] NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, case_id),
        FOREIGN KEY (tenant_id, case_id) REFERENCES dispatch.cases (tenant_id, case_id)
      )`);
    // An agent becoming available takes the waiting cases, most urgent and oldest first.
    await q.query(`CREATE INDEX case_assignments_waiting ON dispatch.case_assignments (tenant_id, priority, opened_at) WHERE state = 'waiting'`);
    // An agent's load: its open cases.
    await q.query(`CREATE INDEX cases_open_by_assignee ON dispatch.cases (tenant_id, assignee_id) WHERE stage NOT IN ('closed', 'cancelled')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX dispatch.cases_open_by_assignee`);
    await q.query(`DROP TABLE dispatch.case_assignments`);
    await q.query(`DROP TABLE dispatch.routing_rules`);
    await q.query(`DROP TABLE dispatch.routing_teams`);
    await q.query(`DROP TABLE dispatch.routing_agents`);
  }
}
