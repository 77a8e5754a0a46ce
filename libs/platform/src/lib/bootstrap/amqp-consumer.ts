import type { ServiceName } from '@hotline/contracts';
import { AmqpServer } from '@hotline/messaging';
import type { PlatformConfig } from '../config/platform-config';

/**
 * The `microservice` factory for a service that consumes events: the AMQP transport pointed at
 * the configured broker and namespace. Handlers name their queue purpose in `@EventPattern`.
 */
export function amqpConsumer(service: ServiceName): (config: PlatformConfig) => AmqpServer {
  return (config) => new AmqpServer({ url: config.amqpUrl, namespace: config.namespace, service, defaultPurpose: 'events' });
}
