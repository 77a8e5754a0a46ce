/**
 * The outbox and inbox tables every service keeps in its own schema. Each service's first
 * migration runs this SQL; it is frozen as "v1" (a later change is a new function and migration).
 */
export function messagingTablesV1Sql(schema: string): string[] {
  const s = `"${schema}"`;
  return [
    `CREATE TABLE ${s}.outbox (
       id bigserial PRIMARY KEY,
       event_id text NOT NULL,
       tenant_id text NOT NULL,
       type text NOT NULL,
       payload jsonb NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE TABLE ${s}.inbox (
       consumer text NOT NULL,
       tenant_id text NOT NULL,
       event_id text NOT NULL,
       type text NOT NULL,
       processed_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (consumer, tenant_id, event_id)
     )`,
  ];
}

/** LISTEN/NOTIFY channel that wakes a schema's outbox relay. */
export function outboxChannel(schema: string): string {
  return `${schema}_outbox`;
}

/**
 * v2: the outbox remembers failed publish attempts, and rows no retry can publish move to
 * `outbox_parked` with their reason, so they never hold back the rows behind them. The inbox keys
 * on the event's source too, as CloudEvents identifies an event by source and id (rows kept before
 * v2 have source '' and still count as seen: see Inbox).
 */
export function messagingTablesV2Sql(schema: string): string[] {
  const s = `"${schema}"`;
  return [
    `ALTER TABLE ${s}.outbox ADD COLUMN attempts int NOT NULL DEFAULT 0, ADD COLUMN last_error text NULL`,
    `CREATE TABLE ${s}.outbox_parked (
       id bigint PRIMARY KEY,
       event_id text NOT NULL,
       tenant_id text NOT NULL,
       type text NOT NULL,
       payload jsonb NOT NULL,
       created_at timestamptz NOT NULL,
       attempts int NOT NULL,
       reason text NOT NULL,
       parked_at timestamptz NOT NULL DEFAULT now()
     )`,
    `ALTER TABLE ${s}.inbox ADD COLUMN source text NOT NULL DEFAULT ''`,
    `ALTER TABLE ${s}.inbox DROP CONSTRAINT inbox_pkey, ADD PRIMARY KEY (consumer, tenant_id, source, event_id)`,
  ];
}
