import type { ChannelWrapper } from 'amqp-connection-manager';
import { type CloudEvent, SUBSCRIPTIONS, type Subscription } from '@hotline/contracts';
import type { AmqpConnection } from '../amqp/amqp-connection';
import { encodeCloudEvent } from '../amqp/cloud-event-codec';
import { startPublishSpan } from '../correlation/publish-span';
import { messagingMetrics } from '../metrics/messaging-metrics';
import type { MessagingNames } from '../topology/messaging-names';
import { assertSubscriptions } from '../topology/topology';

/**
 * Publishes CloudEvents to the events exchange on a confirm channel: `publish` resolves only once
 * the broker has taken responsibility for the message, and rejects if it does not within the
 * timeout (the outbox then keeps the row and tries again). It declares every consumer queue
 * first, so no event is dropped because its consumer has not started yet. When spans are
 * exported, each publish has a PRODUCER span, and the message names it as the consumers' parent.
 */
export class EventPublisher {
  private readonly channel: ChannelWrapper;

  constructor(
    private readonly connection: AmqpConnection,
    private readonly names: MessagingNames,
    publishTimeoutMs = 10_000,
    subscriptions: readonly Subscription[] = SUBSCRIPTIONS,
  ) {
    this.channel = connection.createChannel({
      name: 'publisher',
      confirm: true,
      publishTimeout: publishTimeoutMs,
      setup: (channel: Parameters<typeof assertSubscriptions>[0]) => assertSubscriptions(channel, names, subscriptions),
    });
  }

  async publish(event: CloudEvent): Promise<void> {
    const { event: stamped, end } = startPublishSpan(event, this.names.exchange);
    try {
      const { content, options } = encodeCloudEvent(stamped);
      await this.channel.publish(this.names.exchange, event.type, content, options);
    } catch (failure) {
      end({ failure });
      throw failure;
    }
    end();
    messagingMetrics.published.inc({ type: event.type });
  }

  async publishAll(events: readonly CloudEvent[]): Promise<void> {
    await Promise.all(events.map((event) => this.publish(event)));
  }

  /**
   * Publishes still queued or unconfirmed on the channel, those given up on by a timeout included:
   * the channel still sends them, so a caller that retries should wait for this to reach 0.
   */
  backlog(): number {
    return this.channel.queueLength();
  }

  /** Whether a publish can reach the broker now (else it waits for a reconnect, up to its timeout). */
  isConnected(): boolean {
    return this.connection.isConnected();
  }

  async close(): Promise<void> {
    await this.channel.close();
  }
}
