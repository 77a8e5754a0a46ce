import { Client } from 'pg';
import { SERVICE_NAMES, type ServiceName } from '@hotline/contracts';
import type { SqlRunner } from '@hotline/messaging';
import { loadPlatformConfig } from '@hotline/platform';
import type { CliIo } from './cli';
import { required, UsageError } from './cli-options';

/** `--service S`, checked against the four services. */
export function serviceName(value: string | undefined): ServiceName {
  const service = required(value, '--service');
  if (!(SERVICE_NAMES as readonly string[]).includes(service)) {
    throw new UsageError(`--service ${service} is not one of ${SERVICE_NAMES.join(', ')}.`);
  }
  return service as ServiceName;
}

/**
 * Runs `work` on DATABASE_URL, for the tables a lib owns in each service's schema (the parked
 * outbox, parked timers) through that lib's own code.
 */
export async function withDatabase<T>(io: CliIo, work: (sql: SqlRunner) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: loadPlatformConfig(io.env).DATABASE_URL });
  await client.connect();
  try {
    return await work(async (text, params) => (await client.query(text, params)).rows);
  } finally {
    await client.end();
  }
}
