/**
 * The table each consumer keeps every tenant standards version it received in (DESIGN decision 11),
 * in its own schema. Frozen as v1: a later change is a new function and migration.
 */
export function tenantStandardVersionsV1Sql(schema: string): string[] {
  const s = `"${schema}"`;
  return [
    `CREATE TABLE ${s}.tenant_standard_versions (
       tenant_id text NOT NULL,
       version text NOT NULL,
       effective_from timestamptz NOT NULL,
       standards jsonb NOT NULL,
       event_id text NOT NULL,
       received_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (tenant_id, version),
       UNIQUE (tenant_id, effective_from)
     )`,
  ];
}
