import { type CloudEvent, EVENTS_EXCHANGE, withNamespace } from '@hotline/contracts';
import { type ChannelModel, connect } from 'amqplib';
import { TEST_AMQP_URL } from './test-broker';

/**
 * Listens to everything published on a namespace's events exchange, through an exclusive queue that
 * goes when the tap is closed: the way for a test to see what a service put on the bus.
 */
export class BusTap {
  /** Every event received so far, parsed, in arrival order. */
  readonly events: CloudEvent[] = [];

  private constructor(private readonly connection: ChannelModel) {}

  static async open(namespace: string): Promise<BusTap> {
    const connection = await connect(TEST_AMQP_URL);
    const tap = new BusTap(connection);
    try {
      const channel = await connection.createChannel();
      const exchange = withNamespace(EVENTS_EXCHANGE, namespace);
      await channel.assertExchange(exchange, 'topic', { durable: true });
      const { queue } = await channel.assertQueue('', { exclusive: true });
      await channel.bindQueue(queue, exchange, '#');
      await channel.consume(
        queue,
        (message) => {
          if (message) tap.events.push(JSON.parse(message.content.toString()));
        },
        { noAck: true },
      );
    } catch (error) {
      await connection.close();
      throw error;
    }
    return tap;
  }

  /** The ids of the events received so far, in arrival order. */
  ids(): string[] {
    return this.events.map((event) => event.id);
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}
