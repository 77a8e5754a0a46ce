import { type ParkedEvent, ParkedOutbox } from '@hotline/messaging';
import type { CliIo } from './cli';
import { parseOptions, positiveInteger, UsageError } from './cli-options';
import { oneLineTable } from './one-line-table';
import { listParked } from './parked-list';
import { serviceName, withDatabase } from './service-database';
import { USAGE } from './usage';

/** `outbox list|retry --service S …` on the parked rows of S's outbox at DATABASE_URL. */
export async function outboxCommand([action, ...args]: string[], io: CliIo): Promise<void> {
  switch (action) {
    case 'list':
      return listParked(args, io, {
        list: (service, sql, options) => new ParkedOutbox(service).list(sql, options),
        table,
        none: (service) => `No parked events in ${service}'s outbox.`,
      });
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

function table(parked: ParkedEvent[]): string {
  return oneLineTable(
    ['ID', 'EVENT ID', 'TENANT', 'TYPE', 'PARKED AT', 'ATTEMPTS', 'REASON'],
    parked.map((p) => [p.id, p.eventId, p.tenantId, p.type, p.parkedAt.toISOString(), p.attempts, p.reason]),
  );
}
