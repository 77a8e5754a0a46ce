import { connect, type ConfirmChannel, type GetMessage } from 'amqplib';
import { FAILED_AT_HEADER, LAST_ERROR_HEADER, RETRY_COUNT_HEADER } from '../consumer/retry-policy';
import type { MessagingNames } from '../topology/messaging-names';

export interface DeadLetter {
  eventId?: string;
  type?: string;
  failedAt?: string;
  lastError?: string;
  retries: number;
  body: string;
}

/**
 * Lists and replays a queue's dead letters (`<queue>.dead`). Replay puts each message back on its
 * queue with the retry count reset, and acks the dead copy only after the broker confirmed it.
 */
export class DeadLetters {
  constructor(
    private readonly url: string,
    private readonly names: MessagingNames,
  ) {}

  /** Looks without taking: the messages go back to the dead-letter queue when the channel closes. */
  async list(queue: string, limit = 50): Promise<DeadLetter[]> {
    return this.withChannel(async (channel) => {
      const letters: DeadLetter[] = [];
      for (let i = 0; i < limit; i++) {
        const message = await channel.get(this.names.deadLetterQueue(queue), { noAck: false });
        if (!message) break;
        letters.push(describe(message));
      }
      return letters;
    });
  }

  async count(queue: string): Promise<number> {
    return this.withChannel(async (channel) => (await channel.checkQueue(this.names.deadLetterQueue(queue))).messageCount);
  }

  async replay(queue: string, limit = Number.MAX_SAFE_INTEGER): Promise<number> {
    return this.withChannel(async (channel) => {
      let replayed = 0;
      while (replayed < limit) {
        const message = await channel.get(this.names.deadLetterQueue(queue), { noAck: false });
        if (!message) break;
        const headers = { ...message.properties.headers, [RETRY_COUNT_HEADER]: 0, 'x-replayed-at': new Date().toISOString() };
        await new Promise<void>((resolve, reject) =>
          channel.sendToQueue(queue, message.content, { ...message.properties, persistent: true, headers }, (err) =>
            err ? reject(err) : resolve(),
          ),
        );
        channel.ack(message);
        replayed++;
      }
      return replayed;
    });
  }

  private async withChannel<T>(work: (channel: ConfirmChannel) => Promise<T>): Promise<T> {
    const connection = await connect(this.url);
    // Without listeners a channel or connection error (a queue that does not exist) would be an
    // uncaught exception; the failed operation rejects with it anyway.
    connection.on('error', () => undefined);
    try {
      const channel = await connection.createConfirmChannel();
      channel.on('error', () => undefined);
      const result = await work(channel);
      // Closing the channel first flushes its acks; a connection closed right after an ack can lose it.
      await channel.close();
      return result;
    } finally {
      await connection.close().catch(() => undefined);
    }
  }
}

function describe(message: GetMessage): DeadLetter {
  const headers = message.properties.headers ?? {};
  return {
    eventId: message.properties.messageId,
    type: message.properties.type,
    failedAt: headers[FAILED_AT_HEADER],
    lastError: headers[LAST_ERROR_HEADER],
    retries: Number(headers[RETRY_COUNT_HEADER] ?? 0),
    body: message.content.toString('utf8'),
  };
}
