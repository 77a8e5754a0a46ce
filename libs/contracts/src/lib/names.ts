import type { EventType } from './catalogue';

/**
 * Broker names every service agrees on: the exchange, queue naming and routing keys.
 */

/** The durable topic exchange all events are published to. */
export const EVENTS_EXCHANGE = 'hotline.events';

/** Services that consume events (each owns its queues). */
export type ServiceName = 'intake' | 'dispatch' | 'quality' | 'security';

export const SERVICE_NAMES: readonly ServiceName[] = Object.freeze(['intake', 'dispatch', 'quality', 'security']);

const PURPOSE_PATTERN = /^[a-z][a-z0-9-]*$/;
const NAMESPACE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** `<service>.<purpose>`, e.g. `quality.kpis`. The purpose is lowercase kebab-case. */
export function queueName(service: ServiceName, purpose: string): string {
  if (!(SERVICE_NAMES as readonly string[]).includes(service)) {
    throw new RangeError(`Unknown service '${service}'`);
  }
  if (!PURPOSE_PATTERN.test(purpose)) {
    throw new RangeError(`Queue purpose '${purpose}' must be lowercase kebab-case (e.g. 'kpis', 'sla-timers')`);
  }
  return `${service}.${purpose}`;
}

/** `<queue>.dead`: where a message goes when its retries are exhausted. */
export function deadLetterQueueName(queue: string): string {
  return `${queue}.dead`;
}

/** `<queue>.retry.<delay>`, e.g. `quality.kpis.retry.10s`: holds a message for `delayMs` before it returns. */
export function retryQueueName(queue: string, delayMs: number): string {
  return `${queue}.retry.${formatDelay(delayMs)}`;
}

/** The routing key of an event type is the type itself. */
export function routingKeyFor<T extends EventType>(type: T): T {
  return type;
}

/** Prefixes a broker name with a namespace (`<ns>.<name>`) to isolate test runs; no namespace, no prefix. */
export function withNamespace(name: string, namespace?: string): string {
  if (namespace === undefined || namespace === '') {
    return name;
  }
  if (!NAMESPACE_PATTERN.test(namespace)) {
    throw new RangeError(`Namespace '${namespace}' must be letters, digits, '_' or '-'`);
  }
  return `${namespace}.${name}`;
}

function formatDelay(delayMs: number): string {
  if (!Number.isSafeInteger(delayMs) || delayMs <= 0) {
    throw new RangeError(`Retry delay must be a positive whole number of milliseconds, got ${delayMs}`);
  }
  const units: [number, string][] = [
    [3_600_000, 'h'],
    [60_000, 'm'],
    [1_000, 's'],
  ];
  for (const [size, unit] of units) {
    if (delayMs % size === 0) {
      return `${delayMs / size}${unit}`;
    }
  }
  return `${delayMs}ms`;
}
