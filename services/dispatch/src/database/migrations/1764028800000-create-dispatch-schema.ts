import type { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingTablesV1Sql } from '@hotline/messaging';

export class CreateDispatchSchema1764028800000 implements MigrationInterface {
  name = 'CreateDispatchSchema1764028800000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of messagingTablesV1Sql('dispatch')) await q.query(sql);
    await q.query(`
      CREATE TABLE dispatch.cases (
        tenant_id text NOT NULL,
        case_id text NOT NULL,
        type text NOT NULL,
        priority text NOT NULL,
        stage text NOT NULL,
        summary text NOT NULL,
        region text NULL,
        customer_id text NULL,
        contact_id text NULL,
        opened_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, case_id)
      )`);
    await q.query(`
      CREATE TABLE dispatch.case_history (
        id bigserial PRIMARY KEY,
        tenant_id text NOT NULL,
        case_id text NOT NULL,
        event_id text NOT NULL,
        kind text NOT NULL,
        at timestamptz NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX case_history_case ON dispatch.case_history (tenant_id, case_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dispatch.case_history, dispatch.cases, dispatch.inbox, dispatch.outbox`);
  }
}
