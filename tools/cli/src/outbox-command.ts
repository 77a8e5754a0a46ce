import { Client } from 'pg';
import { SERVICE_NAMES, type ServiceName } from '@hotline/contracts';
import { type ParkedEvent, ParkedOutbox, type SqlRunner } from '@hotline/messaging';
import { loadPlatformConfig } from '@hotline/platform';
import type { CliIo } from './cli';
import { parseOptions, positiveInteger, required, UsageError } from './cli-options';
import { oneLineTable } from './one-line-table';
import { USAGE } from './usage';

/** `outbox list|retry --service S …` on the parked rows of S's outbox at DATABASE_URL. */
export async function outboxCommand([action, ...args]: string[], io: CliIo): Promise<void> {
  switch (action) {
    case 'list': {
      const options = parseOptions(args, {
        service: { type: 'string' },
        tenant: { type: 'string' },
        limit: { type: 'string', default: '50' },
        json: { type: 'boolean' },
      });
      if (options.help) return io.out(USAGE);
      const service = serviceName(options.service);
      const limit = positiveInteger(options.limit, '--limit');
      const parked = await withDatabase(io, (sql) => new ParkedOutbox(service).list(sql, { limit, tenantId: options.tenant }));
      if (options.json) io.out(JSON.stringify(parked, null, 2));
      else io.out(parked.length ? table(parked) : `No parked events in ${service}'s outbox.`);
      if (parked.length === limit) io.err(`Showing the first ${limit}; --limit shows more.`);
      return;
    }
    case 'retry': {
      const options = parseOptions(args, { service: { type: 'string' }, id: { type: 'string', multiple: true }, all: { type: 'boolean' } });
      if (options.help) return io.out(USAGE);
      const service = serviceName(options.service);
      const ids = options.all ? 'all' : (options.id ?? []).map((id) => String(positiveInteger(id, '--id')));
      if (ids !== 'all' && ids.length === 0) throw new UsageError('retry needs --id ID (repeatable) or --all.');
      if (options.all && options.id) throw new UsageError('Give --id or --all, not both.');
      const retried = await withDatabase(io, (sql) => new ParkedOutbox(service).retry(sql, ids));
      io.out(`Put ${retried} parked ${retried === 1 ? 'event' : 'events'} back in ${service}'s outbox; its relay publishes them now.`);
      return;
    }
    case '--help':
    case '-h':
      return io.out(USAGE);
    default:
      throw new UsageError(action ? `Unknown outbox action "${action}".` : 'outbox needs an action: list or retry.');
  }
}

function serviceName(value: string | undefined): ServiceName {
  const service = required(value, '--service');
  if (!(SERVICE_NAMES as readonly string[]).includes(service)) {
    throw new UsageError(`--service ${service} is not one of ${SERVICE_NAMES.join(', ')}.`);
  }
  return service as ServiceName;
}

async function withDatabase<T>(io: CliIo, work: (sql: SqlRunner) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: loadPlatformConfig(io.env).DATABASE_URL });
  await client.connect();
  try {
    return await work(async (text, params) => (await client.query(text, params)).rows);
  } finally {
    await client.end();
  }
}

function table(parked: ParkedEvent[]): string {
  return oneLineTable(
    ['ID', 'EVENT ID', 'TENANT', 'TYPE', 'PARKED AT', 'ATTEMPTS', 'REASON'],
    parked.map((p) => [p.id, p.eventId, p.tenantId, p.type, p.parkedAt.toISOString(), p.attempts, p.reason]),
  );
}
