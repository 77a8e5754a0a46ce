// The full-tilt phase of bench:dispatch: how fast dispatch clocks contacts when the broker is not
// what holds it back. The steady phase publishes through the events exchange, so every contact event
// is also written to the other services' queues and confirmed before the next tick: on a slow disk
// the broker caps the offered pace below what dispatch could take. Here the events go straight to
// dispatch's contacts queue (one copy each), as fast as confirms come, and the time until dispatch
// has clocked them all is dispatch's own pace; the backlog shows whether it was the one behind.
import type { ChannelModel } from 'amqplib';
import type { CloudEvent } from '@hotline/contracts';
import { until } from './bench-process';

export interface FullTiltResult {
  contacts: number;
  /** How fast the bench got them onto the queue, confirms included. */
  sentPerSecond: number;
  /** How fast dispatch clocked them, from the first send to the last one clocked. */
  clockedPerSecond: number;
  backlogMax: number;
}

export async function fullTilt(options: {
  connection: ChannelModel;
  queue: string;
  contacts: number;
  /** A contact's events (queued and answered), ready to send. */
  eventsOf: (index: number) => CloudEvent[];
  /** `contact.queued` events dispatch has consumed so far (its own counter). */
  clockedSoFar: () => Promise<number>;
  drainMs: number;
}): Promise<FullTiltResult> {
  const { connection, queue, contacts, eventsOf, clockedSoFar, drainMs } = options;
  const channel = await connection.createConfirmChannel();
  const depth = await connection.createChannel();
  const backlog: number[] = [];
  const sampler = setInterval(() => void depth.checkQueue(queue).then((q) => backlog.push(q.messageCount), () => undefined), 500);
  try {
    const before = await clockedSoFar();
    const started = Date.now();
    for (let i = 0; i < contacts; i += 500) {
      for (let j = i; j < Math.min(contacts, i + 500); j++) {
        for (const event of eventsOf(j)) {
          channel.sendToQueue(queue, Buffer.from(JSON.stringify(event)), { persistent: true, contentType: 'application/cloudevents+json', messageId: event.id, type: event.type });
        }
      }
      await channel.waitForConfirms();
    }
    const sentSeconds = (Date.now() - started) / 1000;
    await until(async () => (await clockedSoFar()) - before >= contacts, drainMs).catch(() => undefined);
    const clocked = (await clockedSoFar()) - before;
    return {
      contacts: clocked,
      sentPerSecond: contacts / sentSeconds,
      clockedPerSecond: clocked / ((Date.now() - started) / 1000),
      backlogMax: Math.max(0, ...backlog),
    };
  } finally {
    clearInterval(sampler);
    await depth.close();
    await channel.close();
  }
}
