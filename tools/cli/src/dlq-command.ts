import type { DeadLetter } from '@hotline/messaging';
import { loadPlatformConfig } from '@hotline/platform';
import type { CliIo } from './cli';
import { parseOptions, positiveInteger, required, UsageError } from './cli-options';
import { oneLineTable } from './one-line-table';
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

/** One line per dead letter, oldest first; the error squeezed onto that line. */
function table(letters: DeadLetter[]): string {
  return oneLineTable(
    ['EVENT ID', 'TYPE', 'FAILED AT', 'RETRIES', 'LAST ERROR'],
    letters.map((l) => [l.eventId, l.type, l.failedAt, l.retries, l.lastError]),
  );
}
