import type { DeadLetter } from '@hotline/messaging';
import { loadPlatformConfig } from '@hotline/platform';
import type { CliIo } from './cli';
import { parseOptions, required, UsageError } from './cli-options';
import { deadLetterQueueNames, listDeadLetters, replayDeadLetters } from './dead-letter-queues';
import { USAGE } from './usage';

/** `dlq list|replay --queue Q …` on `<Q>.dead` at AMQP_URL, Q namespaced by HOTLINE_NAMESPACE. */
export async function dlqCommand([action, ...args]: string[], io: CliIo): Promise<void> {
  switch (action) {
    case 'list': {
      const options = parseOptions(args, { queue: { type: 'string' }, limit: { type: 'string', default: '50' }, json: { type: 'boolean' } });
      if (options.help) return io.out(USAGE);
      const target = { ...broker(io), queue: required(options.queue, '--queue') };
      const limit = positiveInteger(options.limit, '--limit');
      const { dead } = deadLetterQueueNames(target);
      const { letters, total } = await listDeadLetters({ ...target, limit });
      if (options.json) io.out(JSON.stringify(letters, null, 2));
      else io.out(letters.length ? table(letters) : `No dead letters in ${dead}.`);
      if (total > letters.length) io.err(`Showing ${letters.length} of ${total} dead letters in ${dead}; --limit shows more.`);
      return;
    }
    case 'replay': {
      const options = parseOptions(args, { queue: { type: 'string' }, limit: { type: 'string' } });
      if (options.help) return io.out(USAGE);
      const target = { ...broker(io), queue: required(options.queue, '--queue') };
      const limit = options.limit === undefined ? undefined : positiveInteger(options.limit, '--limit');
      const { queue, dead } = deadLetterQueueNames(target);
      const replayed = await replayDeadLetters({ ...target, limit });
      io.out(`Replayed ${replayed} dead ${replayed === 1 ? 'letter' : 'letters'} from ${dead} to ${queue}.`);
      if (replayed === limit) io.err(`Stopped at --limit ${limit}; "npx hotline dlq list --queue ${target.queue}" shows what is left.`);
      return;
    }
    case '--help':
    case '-h':
      return io.out(USAGE);
    default:
      throw new UsageError(action ? `Unknown dlq action "${action}".` : 'dlq needs an action: list or replay.');
  }
}

function broker(io: CliIo): { amqpUrl: string; namespace?: string } {
  const { AMQP_URL: amqpUrl, HOTLINE_NAMESPACE: namespace } = loadPlatformConfig(io.env);
  return { amqpUrl, namespace };
}

function positiveInteger(value: string, option: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number < 1) throw new UsageError(`${option} ${value} is not a positive whole number.`);
  return number;
}

/** One line per dead letter, oldest first; the error squeezed onto that line. */
function table(letters: DeadLetter[]): string {
  const rows = [
    ['EVENT ID', 'TYPE', 'FAILED AT', 'RETRIES', 'LAST ERROR'],
    ...letters.map((l) => [l.eventId, l.type, l.failedAt, l.retries, l.lastError].map(oneLine)),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Header values are whatever the publisher put there: printed as text, on one line, '-' if absent. */
function oneLine(value: unknown): string {
  return String(value ?? '').replace(/\s+/g, ' ').trim() || '-';
}
