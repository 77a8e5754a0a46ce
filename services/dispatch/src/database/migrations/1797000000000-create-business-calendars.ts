import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A tenant's business calendars (`PUT /v1/calendars/:calendarId`) and its per-policy settings
 * (`PUT /v1/sla-policies/:policyId`: the calendar a policy counts on, its budgets by priority);
 * each case clock keeps what they were when it was created (`tailoring`), so a later change never
 * moves a running clock. Priority changes of a case are kept like its transitions.
 */
export class CreateBusinessCalendars1797000000000 implements MigrationInterface {
  name = 'CreateBusinessCalendars1797000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dispatch.business_calendars (
        tenant_id text NOT NULL,
        calendar_id text NOT NULL,
        definition jsonb NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, calendar_id)
      )`);
    await q.query(`
      CREATE TABLE dispatch.sla_policy_settings (
        tenant_id text NOT NULL,
        policy_id text NOT NULL,
        calendar_id text NULL,
        priority_budgets jsonb NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, policy_id),
        FOREIGN KEY (tenant_id, calendar_id) REFERENCES dispatch.business_calendars (tenant_id, calendar_id)
      )`);
    await q.query(`ALTER TABLE dispatch.case_clocks ADD COLUMN tailoring jsonb NULL`);
    await q.query(`
      CREATE TABLE dispatch.case_priority_changes (
        tenant_id text NOT NULL,
        case_id text NOT NULL,
        version integer NOT NULL,
        from_priority text NOT NULL,
        to_priority text NOT NULL,
        reason text NOT NULL,
        actor_id text NOT NULL,
        actor_kind text NOT NULL,
        actor_roles text[] NOT NULL DEFAULT '{}',
        at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, case_id, version),
        FOREIGN KEY (tenant_id, case_id) REFERENCES dispatch.cases (tenant_id, case_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dispatch.case_priority_changes`);
    await q.query(`ALTER TABLE dispatch.case_clocks DROP COLUMN tailoring`);
    await q.query(`DROP TABLE dispatch.sla_policy_settings`);
    await q.query(`DROP TABLE dispatch.business_calendars`);
  }
}
