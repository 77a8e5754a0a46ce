// Stands in for the services a bench does not run: consumes and acks their queues, as those services
// would. Without it their quorum queues only grow (every contact event is also quality's and
// security's), and a broker holding hundreds of thousands of unread messages is slower for
// everyone, which no deployment sees.
import type { ChannelModel } from 'amqplib';

const PREFETCH = 1_000;
const ACK_EVERY = 250;

/** Consumes `queues` until `stop()`; acks many at a time, as a batched consumer does. Resolves with how many it took. */
export async function sinkQueues(connection: ChannelModel, queues: readonly string[]): Promise<{ stop(): Promise<number> }> {
  const channel = await connection.createChannel();
  await channel.prefetch(PREFETCH);
  let taken = 0;
  let unacked = 0;
  for (const queue of queues) {
    // Delivery tags are the channel's: one multiple-ack settles every queue's deliveries up to it.
    await channel.consume(queue, (message) => {
      if (!message) return;
      taken++;
      if (++unacked >= ACK_EVERY) {
        channel.ack(message, true);
        unacked = 0;
      }
    });
  }
  // Whatever is left unacked at the end goes back to its queue, which the bench deletes anyway.
  return {
    stop: async () => {
      await channel.close();
      return taken;
    },
  };
}
