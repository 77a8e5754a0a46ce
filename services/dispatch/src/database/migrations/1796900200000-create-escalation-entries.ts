import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every step of a case's escalation (a level raised, the climb acknowledged or stopped), kept for
 * the case timeline (`kind: escalation`); `escalations` holds only where the climb is now.
 */
export class CreateEscalationEntries1796900200000 implements MigrationInterface {
  name = 'CreateEscalationEntries1796900200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dispatch.escalation_entries (
        tenant_id text NOT NULL,
        case_id text NOT NULL,
        at timestamptz NOT NULL,
        event text NOT NULL CHECK (event IN ('raised', 'acknowledged', 'stopped')),
        level integer NOT NULL,
        reason text NOT NULL,
        late boolean NOT NULL,
        actor_id text NULL,
        PRIMARY KEY (tenant_id, case_id, at, event, level)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dispatch.escalation_entries`);
  }
}
