import { connect } from 'amqplib';
import { queueName, type ServiceName, withNamespace } from '@hotline/contracts';
import { type DeadLetter, DeadLetters, MessagingNames } from '@hotline/messaging';
import { UsageError } from './cli-options';

/** Where a consumer queue's dead letters are: the broker, the deployment's namespace and the queue. */
export interface DeadLetterQueueOptions {
  amqpUrl: string;
  namespace?: string;
  /** The consumer queue without namespace, e.g. `quality.kpis`. */
  queue: string;
}

/** The broker's names for a consumer queue and its dead-letter queue, namespace applied. */
export function deadLetterQueueNames(options: Pick<DeadLetterQueueOptions, 'namespace' | 'queue'>): { queue: string; dead: string } {
  if (options.queue.endsWith('.dead')) {
    throw new UsageError(`--queue names the consumer queue, not its dead-letter queue: use ${options.queue.slice(0, -'.dead'.length)}.`);
  }
  const [service, ...purpose] = options.queue.split('.');
  try {
    queueName(service as ServiceName, purpose.join('.')); // validates the name the way the services build it
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new UsageError(`--queue ${options.queue}: ${error.message}; queues are named <service>.<purpose>, e.g. quality.kpis.`);
  }
  const names = new MessagingNames(options.namespace);
  const queue = withNamespace(options.queue, options.namespace);
  return { queue, dead: names.deadLetterQueue(queue) };
}

/** Up to `limit` of the queue's dead letters, oldest first, without removing them; and how many there are. */
export async function listDeadLetters(options: DeadLetterQueueOptions & { limit: number }): Promise<{ letters: DeadLetter[]; total: number }> {
  const { queue, dead } = deadLetterQueueNames(options);
  await ensureQueues(options.amqpUrl, [dead]);
  const deadLetters = new DeadLetters(options.amqpUrl, new MessagingNames(options.namespace));
  return explaining(options.amqpUrl, async () => ({
    total: await deadLetters.count(queue),
    letters: await deadLetters.list(queue, options.limit),
  }));
}

/** Moves up to `limit` dead letters (all by default) back onto their queue; resolves to how many moved. */
export async function replayDeadLetters(options: DeadLetterQueueOptions & { limit?: number }): Promise<number> {
  const { queue, dead } = deadLetterQueueNames(options);
  // The target too: the default exchange silently drops what it cannot route, so replaying to a
  // missing queue would lose every message.
  await ensureQueues(options.amqpUrl, [dead, queue]);
  const deadLetters = new DeadLetters(options.amqpUrl, new MessagingNames(options.namespace));
  return explaining(options.amqpUrl, () => deadLetters.replay(queue, options.limit));
}

/**
 * Fails with a readable error unless every queue exists. Checked on a channel of our own before
 * DeadLetters touches them: a 404 closes the channel, and DeadLetters' channels have no 'error'
 * listener, so there it would be an uncaught exception rather than a rejection.
 */
async function ensureQueues(amqpUrl: string, queues: string[]): Promise<void> {
  await explaining(amqpUrl, async () => {
    const connection = await connect(amqpUrl);
    try {
      const channel = await connection.createChannel();
      channel.on('error', () => undefined); // the failed checkQueue below reports it
      for (const queue of queues) {
        try {
          await channel.checkQueue(queue);
        } catch (error) {
          if ((error as { code?: number }).code === 404) {
            throw new Error(
              `Queue ${queue} does not exist on RabbitMQ at ${brokerAddress(amqpUrl)}: check --queue (e.g. quality.kpis) and HOTLINE_NAMESPACE; ` +
                'a service declares its queues when it starts.',
            );
          }
          throw error;
        }
      }
    } finally {
      await connection.close().catch(() => undefined);
    }
  });
}

/** Runs broker work, turning the failures a fresh setup runs into into advice. */
async function explaining<T>(amqpUrl: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH') {
      throw new Error(`Cannot reach RabbitMQ at ${brokerAddress(amqpUrl)}: is it running? (npm run provision starts it)`);
    }
    throw error;
  }
}

/** host:port/vhost, without the credentials. */
function brokerAddress(amqpUrl: string): string {
  const url = new URL(amqpUrl);
  const port = url.port || (url.protocol === 'amqps:' ? 5671 : 5672);
  return `${url.hostname}:${port}${url.pathname.length > 1 ? url.pathname : ''}`;
}
