import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import type { ConfirmChannel, ConsumeMessage, Options } from 'amqplib';
import type { ChannelWrapper } from 'amqp-connection-manager';
import { lastValueFrom } from 'rxjs';
import { type CloudEvent, type ServiceName, SUBSCRIPTIONS, type Subscription, validateCloudEvent } from '@hotline/contracts';
import { AmqpConnection } from '../amqp/amqp-connection';
import { decodeBody } from '../amqp/cloud-event-codec';
import { CorrelationContext } from '../correlation/correlation-context';
import { messagingMetrics } from '../metrics/messaging-metrics';
import { MessagingNames } from '../topology/messaging-names';
import { assertQueueTopology, type QueueTopology } from '../topology/topology';
import { AmqpContext } from './amqp-context';
import { isDependencyUnavailable } from './dependency-unavailable';
import { PermanentFailure } from './permanent-failure';
import {
  decideOnFailure,
  DEFAULT_RETRY_DELAYS_MS,
  FAILED_AT_HEADER,
  LAST_ERROR_HEADER,
  ORIGINAL_QUEUE_HEADER,
  RETRY_COUNT_HEADER,
  retriesSoFar,
} from './retry-policy';
import { selectPatterns } from './topic-pattern';

export interface AmqpServerOptions {
  url: string;
  service: ServiceName;
  namespace?: string;
  /** Queue purpose for handlers that name none: `@EventPattern('case.opened')` → `<service>.<defaultPurpose>`. */
  defaultPurpose: string;
  /** Unacked deliveries per queue; bounds memory and in-flight work. */
  prefetch?: number;
  retryDelaysMs?: readonly number[];
  /** Who hears what; defaults to the contracts' table, which every handler pattern must be in. */
  subscriptions?: readonly Subscription[];
}

/** Extras a handler may give: `@EventPattern('contact.*', { queue: 'kpis' })`. */
export interface AmqpHandlerExtras {
  queue?: string;
}

interface ConsumerQueue extends QueueTopology {
  /** The patterns this process has handlers for (bindings may be wider during a rolling upgrade). */
  handled: string[];
}

interface ActiveConsumer {
  channel: ConfirmChannel;
  consumerTag: string;
}

/**
 * A Nest transport strategy over amqplib: each queue purpose gets a durable quorum queue bound to
 * its handlers' patterns, manual acks with a bounded prefetch, retries through delay queues and
 * then a dead-letter queue. A delivery is acked only after its handler (and so its inbox
 * transaction) has finished, so a crash or broker restart means redelivery, never loss.
 */
export class AmqpServer extends Server implements CustomTransportStrategy {
  protected override readonly logger = new Logger(AmqpServer.name);
  private readonly names: MessagingNames;
  private readonly retryDelaysMs: readonly number[];
  private connection?: AmqpConnection;
  private readonly channels: ChannelWrapper[] = [];
  private readonly active = new Map<string, ActiveConsumer>();
  private readonly inFlight = new Set<Promise<void>>();
  private closing = false;

  constructor(private readonly options: AmqpServerOptions) {
    super();
    this.names = new MessagingNames(options.namespace);
    this.retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  }

  listen(callback: () => void): void {
    const queues = this.consumerQueues(); // throws before connecting if a handler is not subscribed
    this.connection = new AmqpConnection(this.options.url, `${this.options.service}-consumer`);
    for (const topology of queues) {
      this.channels.push(
        this.connection.createChannel({
          name: topology.queue,
          confirm: true,
          // Runs again on every reconnect: re-declares the topology and resumes consuming.
          setup: (channel: ConfirmChannel) => this.consume(channel, topology),
        }),
      );
    }
    callback();
  }

  /** Resolves once every queue is declared and consumed; useful for tests and readiness. */
  async whenReady(): Promise<void> {
    await Promise.all(this.channels.map((c) => c.waitForConnect()));
  }

  isConnected(): boolean {
    return this.connection?.isConnected() ?? false;
  }

  /** Every queue this server declared, delay and dead-letter queues included. */
  declaredQueues(): string[] {
    return this.consumerQueues().flatMap(({ queue }) => [
      queue,
      ...this.retryDelaysMs.map((delayMs) => this.names.retryQueue(queue, delayMs)),
      this.names.deadLetterQueue(queue),
    ]);
  }

  /** Stops taking deliveries, lets the ones in flight finish, then closes the connection. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(
      [...this.active.values()].map(({ channel, consumerTag }) => channel.cancel(consumerTag).catch(() => undefined)),
    );
    await Promise.allSettled([...this.inFlight]);
    await Promise.all(this.channels.map((c) => c.close().catch(() => undefined)));
    await this.connection?.close();
  }

  on(): void {
    throw new Error('AmqpServer does not emit events to listeners');
  }

  unwrap<T>(): T {
    return this.connection as T;
  }

  /** The queues this process consumes, from its handlers, checked against the subscriptions table. */
  private consumerQueues(): ConsumerQueue[] {
    const handledByPurpose = new Map<string, string[]>();
    for (const [pattern, handler] of this.messageHandlers) {
      if (!handler.isEventHandler) continue;
      const purpose = (handler.extras as AmqpHandlerExtras | undefined)?.queue ?? this.options.defaultPurpose;
      handledByPurpose.set(purpose, [...(handledByPurpose.get(purpose) ?? []), pattern]);
    }
    const subscriptions = this.options.subscriptions ?? SUBSCRIPTIONS;
    return [...handledByPurpose].map(([purpose, handled]) => {
      const { service } = this.options;
      const subscription = subscriptions.find((s) => s.service === service && s.purpose === purpose);
      const unlisted = handled.filter((pattern) => !subscription?.patterns.includes(pattern));
      if (unlisted.length > 0) {
        throw new Error(`${service}.${purpose} handles ${unlisted.join(', ')}, which the contracts' SUBSCRIPTIONS do not list for it`);
      }
      return {
        queue: this.names.queue(service, purpose),
        bindings: [...(subscription as Subscription).patterns],
        handled,
        retryDelaysMs: this.retryDelaysMs,
      };
    });
  }

  private async consume(channel: ConfirmChannel, topology: ConsumerQueue): Promise<void> {
    await assertQueueTopology(channel, this.names, topology);
    await channel.prefetch(this.options.prefetch ?? 32);
    const { consumerTag } = await channel.consume(topology.queue, (message) => {
      if (!message || this.closing) return;
      const work = this.handle(channel, topology, message).finally(() => this.inFlight.delete(work));
      this.inFlight.add(work);
    });
    this.active.set(topology.queue, { channel, consumerTag });
  }

  private async handle(channel: ConfirmChannel, topology: ConsumerQueue, message: ConsumeMessage): Promise<void> {
    const retries = retriesSoFar(message.properties.headers);
    let event: CloudEvent;
    try {
      event = this.decode(message);
    } catch (error) {
      return this.onFailure(channel, topology.queue, message, String(message.properties.type ?? 'unknown'), retries, error);
    }
    // Everything the handlers do, log and publish runs with the event's correlation and causation ids.
    const correlation = { correlationId: event.correlationid ?? event.id, causationId: event.id, tenantId: event.tenantid };
    await CorrelationContext.run(correlation, () => this.dispatch(channel, topology, message, event, retries));
  }

  private async dispatch(
    channel: ConfirmChannel,
    { queue, handled }: ConsumerQueue,
    message: ConsumeMessage,
    event: CloudEvent,
    retries: number,
  ): Promise<void> {
    try {
      const patterns = selectPatterns(handled, event.type);
      if (patterns.length === 0) throw new PermanentFailure(`no handler for ${event.type} on ${queue}`);
      const context = new AmqpContext([message, queue, retries + 1]);
      for (const pattern of patterns) await this.invoke(this.messageHandlers.get(pattern) as MessageHandler, event, context);
      this.settle(channel, message);
      messagingMetrics.consumed.inc({ queue, type: event.type, outcome: 'handled' });
      this.logger.debug(`${queue}: handled ${event.type} ${event.id}`);
    } catch (error) {
      await this.onFailure(channel, queue, message, event.type, retries, error);
    }
  }

  private decode(message: ConsumeMessage): CloudEvent {
    let body: unknown;
    try {
      body = decodeBody(message.content);
    } catch {
      throw new PermanentFailure('message body is not JSON');
    }
    const result = validateCloudEvent(body);
    if (!result.ok) {
      const detail = result.errors.map((e) => `${e.path}: ${e.message}`).join('; ');
      throw new PermanentFailure(`not a valid catalogue event: ${detail}`);
    }
    return result.event;
  }

  private async invoke(handler: MessageHandler, event: CloudEvent, context: AmqpContext): Promise<void> {
    const result = await handler(event, context);
    await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
  }

  private async onFailure(
    channel: ConfirmChannel,
    queue: string,
    message: ConsumeMessage,
    type: string,
    retries: number,
    error: unknown,
  ): Promise<void> {
    const reason = error instanceof Error ? error.message : String(error);
    const kind = error instanceof PermanentFailure ? 'permanent' : isDependencyUnavailable(error) ? 'unavailable' : 'transient';
    const outcome = decideOnFailure(retries, this.retryDelaysMs, kind);
    const headers = { ...message.properties.headers, [LAST_ERROR_HEADER]: reason.slice(0, 1000) };
    try {
      if (outcome.action === 'retry') {
        this.logger.warn(`${queue}: ${type} ${message.properties.messageId} failed (attempt ${retries + 1}), retrying in ${outcome.delayMs} ms: ${reason}`);
        await this.sendToQueue(channel, this.names.retryQueue(queue, outcome.delayMs), message, {
          ...headers,
          [RETRY_COUNT_HEADER]: outcome.attempt,
        });
        messagingMetrics.retried.inc({ queue, type });
      } else {
        this.logger.error(`${queue}: ${type} ${message.properties.messageId} dead-lettered after ${retries + 1} attempt(s): ${reason}`);
        await this.sendToQueue(channel, this.names.deadLetterQueue(queue), message, {
          ...headers,
          [FAILED_AT_HEADER]: new Date().toISOString(),
          [ORIGINAL_QUEUE_HEADER]: queue,
        });
        messagingMetrics.deadLettered.inc({ queue, type });
      }
      this.settle(channel, message);
    } catch (publishError) {
      // The retry or dead-letter copy was not confirmed: leave the delivery unacked, so the broker
      // redelivers it once this channel closes. Nothing is lost; at worst a copy exists twice.
      this.logger.error(`${queue}: could not move a failed delivery: ${(publishError as Error).message}`);
    }
  }

  private sendToQueue(channel: ConfirmChannel, queue: string, message: ConsumeMessage, headers: Options.Publish['headers']): Promise<void> {
    const { contentType, messageId, type, timestamp, correlationId } = message.properties;
    return new Promise((resolve, reject) => {
      channel.sendToQueue(
        queue,
        message.content,
        { persistent: true, contentType, messageId, type, timestamp, correlationId, headers },
        (err) => (err ? reject(err) : resolve()),
      );
    });
  }

  /** Acks on the channel the delivery came on; after a reconnect that channel is gone and the broker redelivers. */
  private settle(channel: ConfirmChannel, message: ConsumeMessage): void {
    try {
      channel.ack(message);
    } catch (error) {
      this.logger.warn(`ack lost with its channel (${(error as Error).message}); the broker will redeliver`);
    }
  }
}
