import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Incidents opened by detection rules (issue 12 parts 1 and 2): the incident with its dedup key,
 * its timeline, and the `access.denied` events seen (their attempts are summed per source within
 * the brute-force window; an event is kept once, by source and id).
 */
export class SecurityIncidents1796800000000 implements MigrationInterface {
  name = 'SecurityIncidents1796800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE security.incidents (
        tenant_id text NOT NULL,
        id uuid NOT NULL,
        type text NOT NULL,
        severity text NOT NULL CHECK (severity IN ('P1', 'P2', 'P3', 'P4')),
        state text NOT NULL CHECK (state IN ('open', 'triaged', 'contained', 'resolved', 'closed')),
        summary text NOT NULL,
        dedup_key text NOT NULL,
        plan_id text NOT NULL,
        plan_version text NOT NULL,
        opened_at timestamptz NOT NULL,
        last_detected_at timestamptz NOT NULL,
        detections integer NOT NULL,
        review text,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX incidents_tenant_dedup ON security.incidents (tenant_id, dedup_key, last_detected_at DESC)`);
    await q.query(`CREATE INDEX incidents_tenant_opened ON security.incidents (tenant_id, opened_at DESC, id)`);
    await q.query(`
      CREATE TABLE security.incident_timeline (
        seq bigserial PRIMARY KEY,
        tenant_id text NOT NULL,
        incident_id uuid NOT NULL,
        at timestamptz NOT NULL,
        kind text NOT NULL,
        detail jsonb NOT NULL,
        FOREIGN KEY (tenant_id, incident_id) REFERENCES security.incidents (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX incident_timeline_incident ON security.incident_timeline (tenant_id, incident_id, seq)`);
    await q.query(`
      CREATE TABLE security.access_denials (
        tenant_id text NOT NULL,
        event_source text NOT NULL,
        event_id text NOT NULL,
        denial_source text NOT NULL,
        attempts integer NOT NULL,
        at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, event_source, event_id)
      )`);
    await q.query(`CREATE INDEX access_denials_window ON security.access_denials (tenant_id, denial_source, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE security.access_denials, security.incident_timeline, security.incidents`);
  }
}
