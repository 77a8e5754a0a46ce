import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scorecards (MANUAL ch. 5.3–5.4): each tenant's versioned points scheme, the points ledger (every
 * entry names its evidence event and rule, unique on both, so a redelivery adds nothing; an entry is
 * never deleted, only reversed by a compensating entry, at most once), disputes of entries, who held
 * each case and which team each agent is in (attribution), and improvement actions.
 */
export class Scorecards1797100000000 implements MigrationInterface {
  name = 'Scorecards1797100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE quality.scorecard_schemes (
        tenant_id text NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        scheme jsonb NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, version)
      )`);
    await q.query(`
      CREATE TABLE quality.ledger_entries (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        agent_id text,
        team text,
        kind text NOT NULL,
        rule text NOT NULL,
        subject_key text NOT NULL,
        evidence_event_id text NOT NULL,
        evidence_type text NOT NULL,
        points integer NOT NULL,
        reason text,
        standard_id text NOT NULL,
        standard_version text NOT NULL,
        clause text NOT NULL,
        scheme_version integer NOT NULL,
        occurred_at timestamptz NOT NULL,
        period text NOT NULL,
        compensates uuid REFERENCES quality.ledger_entries (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, evidence_event_id, rule)
      )`);
    await q.query(`CREATE UNIQUE INDEX ledger_entries_compensated_once ON quality.ledger_entries (compensates) WHERE compensates IS NOT NULL`);
    await q.query(`CREATE INDEX ledger_entries_by_subject ON quality.ledger_entries (tenant_id, subject_key)`);
    await q.query(`CREATE INDEX ledger_entries_by_agent ON quality.ledger_entries (tenant_id, period, agent_id, occurred_at, id)`);
    await q.query(`
      CREATE TABLE quality.ledger_disputes (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        entry_id uuid NOT NULL UNIQUE REFERENCES quality.ledger_entries (id),
        agent_id text NOT NULL,
        reason text NOT NULL,
        state text NOT NULL CHECK (state IN ('open', 'upheld', 'rejected')),
        opened_at timestamptz NOT NULL,
        ruled_by text,
        ruled_at timestamptz,
        ruling_note text,
        compensation_entry_id uuid REFERENCES quality.ledger_entries (id)
      )`);
    await q.query(`
      CREATE TABLE quality.case_assignments (
        tenant_id text NOT NULL,
        case_id text NOT NULL,
        event_id text NOT NULL,
        agent_id text NOT NULL,
        assigned_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, case_id, event_id)
      )`);
    await q.query(`
      CREATE TABLE quality.agent_teams (
        tenant_id text NOT NULL,
        agent_id text NOT NULL,
        team text NOT NULL,
        changed_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, agent_id)
      )`);
    await q.query(`
      CREATE TABLE quality.improvement_actions (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        title text NOT NULL,
        source_kind text NOT NULL,
        source_id text NOT NULL,
        owner text NOT NULL,
        due_at timestamptz NOT NULL,
        state text NOT NULL,
        history jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX improvement_actions_by_tenant ON quality.improvement_actions (tenant_id, created_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE quality.improvement_actions, quality.agent_teams, quality.case_assignments, quality.ledger_disputes, quality.ledger_entries, quality.scorecard_schemes`);
  }
}
