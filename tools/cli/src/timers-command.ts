import { type ParkedTimer, ParkedTimers, type TimerRef } from '@hotline/timers';
import type { CliIo } from './cli';
import { parseOptions, required, UsageError } from './cli-options';
import { oneLineTable } from './one-line-table';
import { listParked } from './parked-list';
import { serviceName, withDatabase } from './service-database';
import { USAGE } from './usage';

/** `timers list|retry --service S …` on the durable timers S parked because their handler kept failing. */
export async function timersCommand([action, ...args]: string[], io: CliIo): Promise<void> {
  switch (action) {
    case 'list':
      return listParked(args, io, {
        list: (service, sql, options) => new ParkedTimers(service).list(sql, options),
        table,
        none: (service) => `No parked timers in ${service}.`,
      });
    case 'retry': {
      const options = parseOptions(args, {
        service: { type: 'string' },
        tenant: { type: 'string' },
        kind: { type: 'string' },
        key: { type: 'string', multiple: true },
        all: { type: 'boolean' },
      });
      if (options.help) return io.out(USAGE);
      const service = serviceName(options.service);
      const refs = options.all ? 'all' : timerRefs(options);
      const retried = await withDatabase(io, (sql) => new ParkedTimers(service).retry(sql, refs));
      io.out(`Put ${retried} parked ${retried === 1 ? 'timer' : 'timers'} back in ${service}; they fire now.`);
      return;
    }
    case '--help':
    case '-h':
      return io.out(USAGE);
    default:
      throw new UsageError(action ? `Unknown timers action "${action}".` : 'timers needs an action: list or retry.');
  }
}

function timerRefs(options: { tenant?: string; kind?: string; key?: string[]; all?: boolean }): TimerRef[] {
  if (!options.key?.length) throw new UsageError('retry needs --tenant T --kind K --key KEY (repeatable) or --all.');
  const tenantId = required(options.tenant, '--tenant');
  const kind = required(options.kind, '--kind');
  return options.key.map((key) => ({ tenantId, kind, key }));
}

function table(parked: ParkedTimer[]): string {
  return oneLineTable(
    ['TENANT', 'KIND', 'KEY', 'DUE AT', 'PARKED AT', 'ATTEMPTS', 'REASON'],
    parked.map((p) => [p.tenantId, p.kind, p.key, p.dueAt.toISOString(), p.parkedAt.toISOString(), p.attempts, p.reason]),
  );
}
