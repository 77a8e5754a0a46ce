import { EVENTS_EXCHANGE, withNamespace } from '@hotline/contracts';
import { connect } from 'amqplib';
import { TEST_AMQP_URL } from './test-broker';

interface BusEvent {
  id: string;
  type: string;
}

/**
 * Publishes events straight onto a namespace's events exchange, as the relay would, bypassing any
 * service's outbox: the way to play a redelivery (the same event twice) to a consumer.
 */
export async function publishToBus(namespace: string, events: readonly BusEvent[]): Promise<void> {
  const connection = await connect(TEST_AMQP_URL);
  try {
    const channel = await connection.createConfirmChannel();
    for (const event of events) {
      channel.publish(withNamespace(EVENTS_EXCHANGE, namespace), event.type, Buffer.from(JSON.stringify(event)), {
        persistent: true,
        contentType: 'application/cloudevents+json',
        messageId: event.id,
        type: event.type,
      });
    }
    await channel.waitForConfirms();
  } finally {
    await connection.close();
  }
}
