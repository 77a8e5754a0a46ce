import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type OnApplicationBootstrap,
  Optional,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ServiceName } from '@hotline/contracts';
import { AmqpConnection } from './amqp/amqp-connection';
import { BROKER_CONNECTION, BROKER_SETTINGS, type BrokerSettings } from './broker-connection';
import { DeadLetters } from './dead-letters/dead-letters';
import { Inbox } from './inbox/inbox';
import { Outbox } from './outbox/outbox';
import { OUTBOX_STATUS, OutboxRelay } from './outbox/outbox-relay';
import { EventPublisher } from './publisher/event-publisher';
import { MessagingNames } from './topology/messaging-names';

export interface MessagingModuleOptions {
  service: ServiceName;
  /** The service's PostgreSQL schema, which holds its outbox and inbox tables. */
  schema: string;
  /** Run the outbox relay in this process (default true). */
  relay?: boolean;
  relayBatchSize?: number;
}

const OPTIONS = Symbol('MESSAGING_OPTIONS');

/** Starts the relay once the app is up and stops it before the connections close. */
@Injectable()
class OutboxRelayLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Optional() @Inject(OutboxRelay) private readonly relay?: OutboxRelay) {}
  async onApplicationBootstrap(): Promise<void> {
    await this.relay?.start();
  }
  async beforeApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
  }
}

/**
 * The service's side of the broker: a confirm publisher, the outbox and its relay, the inbox, and
 * dead-letter tools. Consumers are not here: they run in the `AmqpServer` transport strategy.
 * Needs a `BROKER_SETTINGS` provider (the platform's config module has one).
 */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: OPTIONS, useValue: options },
        {
          provide: MessagingNames,
          inject: [BROKER_SETTINGS],
          useFactory: (broker: BrokerSettings) => new MessagingNames(broker.namespace),
        },
        {
          provide: AmqpConnection,
          inject: [BROKER_SETTINGS],
          useFactory: (broker: BrokerSettings) => new AmqpConnection(broker.amqpUrl, `${options.service}-publisher`),
        },
        { provide: BROKER_CONNECTION, useExisting: AmqpConnection },
        {
          provide: EventPublisher,
          inject: [AmqpConnection, MessagingNames],
          useFactory: (connection: AmqpConnection, names: MessagingNames) => new EventPublisher(connection, names),
        },
        { provide: Outbox, useValue: new Outbox(options.schema) },
        { provide: Inbox, inject: [DataSource], useFactory: (ds: DataSource) => new Inbox(ds, options.schema) },
        {
          provide: DeadLetters,
          inject: [BROKER_SETTINGS, MessagingNames],
          useFactory: (broker: BrokerSettings, names: MessagingNames) => new DeadLetters(broker.amqpUrl, names),
        },
        ...(options.relay === false
          ? []
          : [
              {
                provide: OutboxRelay,
                inject: [DataSource, EventPublisher],
                useFactory: (ds: DataSource, publisher: EventPublisher) =>
                  new OutboxRelay(ds, publisher, { schema: options.schema, batchSize: options.relayBatchSize }),
              },
              { provide: OUTBOX_STATUS, useExisting: OutboxRelay },
            ]),
        OutboxRelayLifecycle,
        ConnectionsLifecycle,
      ],
      exports: [MessagingNames, AmqpConnection, BROKER_CONNECTION, EventPublisher, Outbox, Inbox, DeadLetters],
    };
  }
}

/** Closes the publisher and its connection last, after the relay has stopped. */
@Injectable()
class ConnectionsLifecycle {
  constructor(
    private readonly publisher: EventPublisher,
    private readonly connection: AmqpConnection,
  ) {}
  async onApplicationShutdown(): Promise<void> {
    await this.publisher.close().catch(() => undefined);
    await this.connection.close();
  }
}
