import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The response side of incidents (issue 12 part 2): plan steps as live work (their deadlines are
 * durable timers), the escalation level, the post-incident review as a structured document, and
 * evidence with its SHA-256 and chain of custody (each custody entry hashes the one before). Evidence
 * and custody are append-only: the service never updates or deletes them.
 */
export class IncidentResponse1796900000000 implements MigrationInterface {
  name = 'IncidentResponse1796900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE security.incidents ADD COLUMN escalation_level integer NOT NULL DEFAULT 0`);
    // A review written as text before becomes the summary of a structured one.
    await q.query(`
      ALTER TABLE security.incidents ALTER COLUMN review TYPE jsonb
      USING CASE WHEN review IS NULL THEN NULL ELSE jsonb_build_object('summary', review, 'rootCause', '', 'actions', '[]'::jsonb) END`);
    await q.query(`
      CREATE TABLE security.incident_steps (
        tenant_id text NOT NULL,
        incident_id uuid NOT NULL,
        step_id text NOT NULL,
        position integer NOT NULL,
        title text NOT NULL,
        owner_role text NOT NULL,
        due_at timestamptz NOT NULL,
        standard_id text,
        standard_version text,
        late_at timestamptz,
        completed_at timestamptz,
        completed_by jsonb,
        note text,
        PRIMARY KEY (tenant_id, incident_id, step_id),
        FOREIGN KEY (tenant_id, incident_id) REFERENCES security.incidents (tenant_id, id)
      )`);
    await q.query(`
      CREATE TABLE security.incident_evidence (
        tenant_id text NOT NULL,
        id uuid NOT NULL,
        incident_id uuid NOT NULL,
        name text NOT NULL,
        media_type text NOT NULL,
        size_bytes integer NOT NULL,
        sha256 text NOT NULL,
        content bytea NOT NULL,
        added_at timestamptz NOT NULL,
        added_by jsonb NOT NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, incident_id) REFERENCES security.incidents (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX incident_evidence_incident ON security.incident_evidence (tenant_id, incident_id, added_at)`);
    await q.query(`
      CREATE TABLE security.evidence_custody (
        seq bigserial PRIMARY KEY,
        tenant_id text NOT NULL,
        evidence_id uuid NOT NULL,
        at timestamptz NOT NULL,
        actor jsonb NOT NULL,
        action text NOT NULL,
        to_party text,
        note text,
        sha256_observed text NOT NULL,
        intact boolean NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        FOREIGN KEY (tenant_id, evidence_id) REFERENCES security.incident_evidence (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX evidence_custody_evidence ON security.evidence_custody (tenant_id, evidence_id, seq)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE security.evidence_custody, security.incident_evidence, security.incident_steps`);
    await q.query(`ALTER TABLE security.incidents ALTER COLUMN review TYPE text USING review->>'summary'`);
    await q.query(`ALTER TABLE security.incidents DROP COLUMN escalation_level`);
  }
}
