import { Gauge, register } from 'prom-client';

/** What `checkQueue` tells of one consumer queue. */
export interface QueueDepth {
  queue: string;
  /** Messages ready for delivery (the broker's count: not yet delivered to any consumer). */
  ready: number;
  consumers: number;
}

/** Reads the depths of the queues one consumer owns; may reject, and must not wait for a reconnect. */
export type QueueDepthProbe = () => Promise<QueueDepth[]>;

/** A scrape waits at most this long for the broker; a probe that takes longer counts as no reading. */
export const QUEUE_DEPTH_TIMEOUT_MS = 500;
const probes = new Set<QueueDepthProbe>();
/** A scrape collects its metrics all at once: both gauges share the reading in progress. */
let reading: Promise<QueueDepth[]> | undefined;

/**
 * Has `/metrics` read the queue depths through `probe` on every scrape, until the returned function
 * is called. A queue whose reading fails or times out (broker away) is left out of the scrape
 * rather than shown with a stale value, and never holds the scrape up past QUEUE_DEPTH_TIMEOUT_MS.
 */
export function watchQueueDepth(probe: QueueDepthProbe): () => void {
  probes.add(probe);
  return () => void probes.delete(probe);
}

function readDepths(): Promise<QueueDepth[]> {
  reading ??= Promise.all([...probes].map((probe) => withTimeout(probe()).catch((): QueueDepth[] => [])))
    .then((all) => all.flat())
    .finally(() => {
      reading = undefined;
    });
  return reading;
}

function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('queue depth read timed out')), QUEUE_DEPTH_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function depthGauge(name: string, help: string, value: (depth: QueueDepth) => number): Gauge<'queue'> {
  const existing = register.getSingleMetric(name) as Gauge<'queue'> | undefined;
  return (
    existing ??
    new Gauge<'queue'>({
      name,
      help,
      labelNames: ['queue'],
      async collect() {
        const depths = await readDepths();
        this.reset();
        for (const depth of depths) this.set({ queue: depth.queue }, value(depth));
      },
    })
  );
}

export const queueDepthMetrics = {
  ready: depthGauge('hotline_queue_messages_ready', "Messages ready in each of this service's consumer queues (checkQueue on scrape)", (d) => d.ready),
  consumers: depthGauge('hotline_queue_consumers', "Consumers attached to each of this service's consumer queues (checkQueue on scrape)", (d) => d.consumers),
};
