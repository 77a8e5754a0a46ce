import type { DataSource } from 'typeorm';
import { generateApiKey } from '@hotline/platform';

/** Stores a new API key for a tenant straight in intake's table (events:write unless told) and returns the key. */
export async function insertApiKey(
  db: DataSource,
  tenantId: string,
  { scopes = ['events:write'], revoked = false, name = 'test' }: { scopes?: string[]; revoked?: boolean; name?: string } = {},
): Promise<string> {
  const { key, prefix, hash } = generateApiKey();
  await db.query(
    `INSERT INTO intake.api_keys (tenant_id, name, prefix, key_hash, scopes, revoked_at) VALUES ($1, $2, $3, $4, $5, $6)`,
    [tenantId, name, prefix, hash, scopes, revoked ? new Date() : null],
  );
  return key;
}
