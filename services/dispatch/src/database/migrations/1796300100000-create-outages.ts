import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Declared major outages (outages/): each with its parent case (same id), and the cases attached
 * to it as children, a case to one outage at most. Open outages are looked up by region whenever
 * a case opens, hence the partial index.
 */
export class CreateOutages1796300100000 implements MigrationInterface {
  name = 'CreateOutages1796300100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dispatch.outages (
        tenant_id text NOT NULL,
        outage_id text NOT NULL,
        region text NOT NULL,
        severity text NOT NULL CHECK (severity IN ('major', 'critical')),
        kind text NOT NULL CHECK (kind IN ('network', 'equipment')),
        description text NOT NULL,
        state text NOT NULL CHECK (state IN ('open', 'resolved', 'cancelled')),
        declared_at timestamptz NOT NULL,
        declared_by text NOT NULL,
        ended_at timestamptz NULL,
        PRIMARY KEY (tenant_id, outage_id)
      )`);
    await q.query(`CREATE INDEX outages_open_by_region ON dispatch.outages (tenant_id, region, declared_at) WHERE state = 'open'`);
    await q.query(`CREATE INDEX outages_by_declaration ON dispatch.outages (tenant_id, declared_at, outage_id)`);
    await q.query(`
      CREATE TABLE dispatch.outage_cases (
        tenant_id text NOT NULL,
        case_id text NOT NULL,
        outage_id text NOT NULL,
        attached_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, case_id),
        FOREIGN KEY (tenant_id, outage_id) REFERENCES dispatch.outages (tenant_id, outage_id)
      )`);
    await q.query(`CREATE INDEX outage_cases_by_outage ON dispatch.outage_cases (tenant_id, outage_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dispatch.outage_cases, dispatch.outages`);
  }
}
