import type { ServiceName } from '@hotline/contracts';
import type { SqlRunner } from '@hotline/messaging';
import type { CliIo } from './cli';
import { parseOptions, positiveInteger } from './cli-options';
import { serviceName, withDatabase } from './service-database';
import { USAGE } from './usage';

/**
 * `… list --service S [--tenant T] [--limit 50] [--json]` for what a lib parked in a service's
 * schema (outbox rows, timers): one line each, or JSON, saying when the limit cut the list.
 */
export async function listParked<T>(
  args: string[],
  io: CliIo,
  what: {
    list(service: ServiceName, sql: SqlRunner, options: { limit: number; tenantId?: string }): Promise<T[]>;
    table(parked: T[]): string;
    none(service: ServiceName): string;
  },
): Promise<void> {
  const options = parseOptions(args, {
    service: { type: 'string' },
    tenant: { type: 'string' },
    limit: { type: 'string', default: '50' },
    json: { type: 'boolean' },
  });
  if (options.help) return io.out(USAGE);
  const service = serviceName(options.service);
  const limit = positiveInteger(options.limit, '--limit');
  const parked = await withDatabase(io, (sql) => what.list(service, sql, { limit, tenantId: options.tenant }));
  if (options.json) io.out(JSON.stringify(parked, null, 2));
  else io.out(parked.length ? what.table(parked) : what.none(service));
  if (parked.length === limit) io.err(`Showing the first ${limit}; --limit shows more.`);
}
