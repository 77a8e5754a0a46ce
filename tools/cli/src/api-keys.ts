import { generateApiKey } from '@hotline/platform';
import { Client } from 'pg';

/** An API key as stored: its prefix identifies it, its hash verifies it, the key itself is nowhere. */
export interface ApiKeyRecord {
  id: string;
  tenantId: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

interface ApiKeyRow {
  id: string;
  tenant_id: string;
  name: string;
  prefix: string;
  scopes: string[];
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const COLUMNS = 'id, tenant_id, name, prefix, scopes, created_at, last_used_at, revoked_at';

/** Creates a key in intake's table and returns it with its one and only copy of the key. */
export async function createApiKey(options: {
  databaseUrl: string;
  tenantId: string;
  name: string;
  scopes: string[];
}): Promise<ApiKeyRecord & { key: string }> {
  const { key, prefix, hash } = generateApiKey();
  const [row] = await query(
    options.databaseUrl,
    `INSERT INTO intake.api_keys (tenant_id, name, prefix, key_hash, scopes) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
    [options.tenantId, options.name, prefix, hash, options.scopes],
  );
  return { ...toRecord(row), key };
}

/** Revokes a key (keeping the first revocation time if it already was); undefined if there is no such key. */
export async function revokeApiKey(options: { databaseUrl: string; id: string }): Promise<ApiKeyRecord | undefined> {
  const [row] = await query(
    options.databaseUrl,
    `UPDATE intake.api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING ${COLUMNS}`,
    [options.id],
  );
  return row && toRecord(row);
}

export async function listApiKeys(options: { databaseUrl: string; tenantId: string }): Promise<ApiKeyRecord[]> {
  const rows = await query(
    options.databaseUrl,
    `SELECT ${COLUMNS} FROM intake.api_keys WHERE tenant_id = $1 ORDER BY created_at, prefix`,
    [options.tenantId],
  );
  return rows.map(toRecord);
}

async function query(databaseUrl: string, sql: string, params: unknown[]): Promise<ApiKeyRow[]> {
  const client = new Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    return (await client.query<ApiKeyRow>(sql, params)).rows;
  } catch (error) {
    throw explain(error, databaseUrl);
  } finally {
    await client.end();
  }
}

/** Says what to do about the failures a fresh setup runs into. */
function explain(error: unknown, databaseUrl: string): unknown {
  const url = new URL(databaseUrl);
  const database = `${url.hostname}:${url.port || 5432}${url.pathname}`; // without the password
  switch ((error as { code?: string }).code) {
    case '42P01': // undefined_table
    case '3F000': // invalid_schema_name
      return new Error(`Table intake.api_keys does not exist in ${database}: run intake's migrations first (npm start does).`);
    case '3D000': // invalid_catalog_name
      return new Error(`Database ${database} does not exist: run npm start (or npm run provision) first.`);
    case 'ECONNREFUSED':
      return new Error(`Cannot reach PostgreSQL at ${database}: is it running? (npm run provision starts it)`);
    default:
      return error;
  }
}

function toRecord(row: ApiKeyRow): ApiKeyRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}
