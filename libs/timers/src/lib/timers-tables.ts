/**
 * The durable timers tables a service keeps in its own schema (DESIGN decision 6). A timer is
 * identified by (tenant, kind, key): setting it again moves it. `due_at` is when it falls due;
 * `fire_at` is when the runner may next claim it (the due time, pushed back by retries), and is
 * what the claim orders by. `revision` counts the sets, so a handler that sets its own timer again
 * (the next escalation step) is not undone when the fired one is removed. Frozen as "v1": a later change is a new function and migration.
 */
export function durableTimersV1Sql(schema: string): string[] {
  const s = `"${schema}"`;
  return [
    `CREATE TABLE ${s}.timers (
       tenant_id text NOT NULL,
       kind text NOT NULL,
       key text NOT NULL,
       due_at timestamptz NOT NULL,
       fire_at timestamptz NOT NULL,
       payload jsonb NOT NULL DEFAULT '{}',
       attempts int NOT NULL DEFAULT 0,
       last_error text NULL,
       revision int NOT NULL DEFAULT 0,
       set_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (tenant_id, kind, key)
     )`,
    `CREATE INDEX timers_fire_at ON ${s}.timers (fire_at)`,
    `CREATE TABLE ${s}.timers_parked (
       tenant_id text NOT NULL,
       kind text NOT NULL,
       key text NOT NULL,
       due_at timestamptz NOT NULL,
       payload jsonb NOT NULL,
       attempts int NOT NULL,
       reason text NOT NULL,
       parked_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (tenant_id, kind, key)
     )`,
  ];
}

/** LISTEN/NOTIFY channel on which setting a timer that falls due soon wakes the runners. */
export function timersChannel(schema: string): string {
  return `${schema}_timers`;
}
