import { Logger } from '@nestjs/common';
import { connect, type AmqpConnectionManager, type ChannelWrapper, type CreateChannelOpts } from 'amqp-connection-manager';
import type { BrokerConnectionStatus } from '../broker-connection';

/**
 * One AMQP connection that reconnects by itself after a broker restart (amqp-connection-manager
 * re-runs every channel's setup, so topology and consumers come back with it).
 */
export class AmqpConnection implements BrokerConnectionStatus {
  private readonly logger = new Logger(AmqpConnection.name);
  private readonly manager: AmqpConnectionManager;

  constructor(url: string, readonly name: string) {
    this.manager = connect([url], {
      heartbeatIntervalInSeconds: 5,
      reconnectTimeInSeconds: 1,
      connectionOptions: { clientProperties: { connection_name: name } },
    });
    this.manager.on('connect', () => this.logger.log(`${name}: connected to the broker`));
    this.manager.on('disconnect', ({ err }) => this.logger.warn(`${name}: broker connection lost: ${err?.message ?? 'closed'}`));
    this.manager.on('connectFailed', ({ err }) => this.logger.warn(`${name}: cannot reach the broker: ${err?.message}`));
  }

  isConnected(): boolean {
    return this.manager.isConnected();
  }

  createChannel(options: CreateChannelOpts): ChannelWrapper {
    const channel = this.manager.createChannel(options);
    channel.on('error', (err: Error) => this.logger.error(`${this.name}/${options.name}: channel error: ${err.message}`));
    return channel;
  }

  async close(): Promise<void> {
    await this.manager.close();
  }
}
