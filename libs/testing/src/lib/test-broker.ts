import { randomBytes } from 'node:crypto';
import { connect } from 'amqplib';

export const TEST_AMQP_URL = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

/** A fresh prefix for exchange and queue names (HOTLINE_NAMESPACE), one per test file. */
export function testNamespace(): string {
  return `test-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

/** Deletes the queues and exchange a test declared; durable queues would otherwise outlive the run. */
export async function deleteBrokerObjects(queues: readonly string[], exchanges: readonly string[] = []): Promise<void> {
  const connection = await connect(TEST_AMQP_URL);
  try {
    const channel = await connection.createChannel();
    for (const queue of queues) await channel.deleteQueue(queue);
    for (const exchange of exchanges) await channel.deleteExchange(exchange);
  } finally {
    await connection.close();
  }
}
