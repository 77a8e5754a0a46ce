import type { INestApplication } from '@nestjs/common';
import type { ServiceName } from '@hotline/contracts';
import { AmqpServer, Inbox, Outbox } from '@hotline/messaging';
import type { PlatformConfig } from '../config/platform-config';

/**
 * The `microservice` factory for a service that consumes events: the AMQP transport pointed at
 * the configured broker and namespace, with the service's inbox and outbox for its typed handlers
 * (`@OnEvent`), whose transactions and batches the transport owns.
 */
export function amqpConsumer(service: ServiceName): (config: PlatformConfig, app: INestApplication) => AmqpServer {
  return (config, app) =>
    new AmqpServer({
      url: config.amqpUrl,
      namespace: config.namespace,
      service,
      defaultPurpose: 'events',
      maxBatch: config.consumerMaxBatch,
      transactions: { inbox: app.get(Inbox), outbox: app.get(Outbox) },
    });
}
