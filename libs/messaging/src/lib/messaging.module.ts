import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type OnApplicationBootstrap,
  Optional,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource } from 'typeorm';
import type { ServiceName } from '@hotline/contracts';
import { AmqpConnection } from './amqp/amqp-connection';
import { BROKER_CONNECTION } from './broker-connection';
import { DeadLetters } from './dead-letters/dead-letters';
import { Inbox } from './inbox/inbox';
import { Outbox } from './outbox/outbox';
import { OutboxRelay } from './outbox/outbox-relay';
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
          inject: [ConfigService],
          useFactory: (config: ConfigService) => new MessagingNames(config.get<string>('HOTLINE_NAMESPACE') || undefined),
        },
        {
          provide: AmqpConnection,
          inject: [ConfigService],
          useFactory: (config: ConfigService) =>
            new AmqpConnection(config.getOrThrow<string>('AMQP_URL'), `${options.service}-publisher`),
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
          inject: [ConfigService, MessagingNames],
          useFactory: (config: ConfigService, names: MessagingNames) =>
            new DeadLetters(config.getOrThrow<string>('AMQP_URL'), names),
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
