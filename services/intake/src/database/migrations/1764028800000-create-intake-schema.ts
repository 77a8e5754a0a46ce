import type { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingTablesV1Sql } from '@hotline/messaging';

export class CreateIntakeSchema1764028800000 implements MigrationInterface {
  name = 'CreateIntakeSchema1764028800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    for (const sql of messagingTablesV1Sql('intake')) await q.query(sql);
    // Every accepted event, keyed by the client's id: resending an id is answered as a duplicate.
    await q.query(`
      CREATE TABLE intake.events (
        tenant_id text NOT NULL,
        event_id text NOT NULL,
        type text NOT NULL,
        source text NOT NULL,
        occurred_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        correlation_id text NULL,
        payload jsonb NOT NULL,
        PRIMARY KEY (tenant_id, event_id)
      )`);
    await q.query(`
      CREATE TABLE intake.api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id text NOT NULL,
        name text NOT NULL,
        prefix text NOT NULL UNIQUE,
        key_hash text NOT NULL UNIQUE,
        scopes text[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz NULL,
        last_used_at timestamptz NULL
      )`);
    await q.query(`CREATE INDEX api_keys_tenant ON intake.api_keys (tenant_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE intake.api_keys, intake.events, intake.inbox, intake.outbox`);
  }
}
