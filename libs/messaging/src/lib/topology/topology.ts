import type { Channel } from 'amqplib';
import type { Subscription } from '@hotline/contracts';
import type { MessagingNames } from './messaging-names';

export interface QueueTopology {
  /** Full queue name, e.g. `quality.kpis`. */
  queue: string;
  /** Topic patterns bound from the events exchange, e.g. `contact.*`. */
  bindings: string[];
  /** One delay queue per entry; a failed message waits there, then returns to `queue`. */
  retryDelaysMs: readonly number[];
}

const QUORUM = { 'x-queue-type': 'quorum' };
const QUORUM_QUEUE = { durable: true, arguments: QUORUM };

export async function assertEventsExchange(channel: Channel, names: MessagingNames): Promise<void> {
  await channel.assertExchange(names.exchange, 'topic', { durable: true });
}

/**
 * Declares a consumer queue with its delay queues and its dead-letter queue. All are durable
 * quorum queues; a delay queue expires messages back onto the main queue through the default
 * exchange, with at-least-once dead-lettering so a broker failover cannot drop a retry.
 */
export async function assertQueueTopology(channel: Channel, names: MessagingNames, spec: QueueTopology): Promise<void> {
  await assertEventsExchange(channel, names);
  await channel.assertQueue(spec.queue, QUORUM_QUEUE);
  for (const pattern of spec.bindings) await channel.bindQueue(spec.queue, names.exchange, pattern);
  for (const delayMs of spec.retryDelaysMs) {
    await channel.assertQueue(names.retryQueue(spec.queue, delayMs), {
      durable: true,
      arguments: {
        ...QUORUM,
        'x-message-ttl': delayMs,
        'x-dead-letter-exchange': '',
        'x-dead-letter-routing-key': spec.queue,
        'x-dead-letter-strategy': 'at-least-once',
        'x-overflow': 'reject-publish',
      },
    });
  }
  await channel.assertQueue(names.deadLetterQueue(spec.queue), QUORUM_QUEUE);
}


/**
 * Declares every consumer queue with its bindings (not its delay or dead-letter queues, which
 * its consumer declares). Run by publishers, so nothing published is dropped for want of a queue.
 */
export async function assertSubscriptions(channel: Channel, names: MessagingNames, subscriptions: readonly Subscription[]): Promise<void> {
  await assertEventsExchange(channel, names);
  for (const { service, purpose, patterns } of subscriptions) {
    const queue = names.queue(service, purpose);
    await channel.assertQueue(queue, QUORUM_QUEUE);
    for (const pattern of patterns) await channel.bindQueue(queue, names.exchange, pattern);
  }
}
