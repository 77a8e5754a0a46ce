import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import type { ConfirmChannel, ConsumeMessage, Options } from 'amqplib';
import type { ChannelWrapper } from 'amqp-connection-manager';
import { lastValueFrom } from 'rxjs';
import { type CloudEvent, type ServiceName, SUBSCRIPTIONS, type Subscription, validateCloudEvent } from '@hotline/contracts';
import { AmqpConnection } from '../amqp/amqp-connection';
import { decodeBody } from '../amqp/cloud-event-codec';
import { CorrelationContext, handlingOf } from '../correlation/correlation-context';
import { messagingMetrics } from '../metrics/messaging-metrics';
import { type QueueDepth, watchQueueDepth } from '../metrics/queue-depth';
import { MessagingNames } from '../topology/messaging-names';
import { assertQueueTopology, type QueueTopology } from '../topology/topology';
import type { Inbox } from '../inbox/inbox';
import type { Outbox } from '../outbox/outbox';
import { AmqpContext } from './amqp-context';
import { BatchedQueue, type BatchedQueueOptions, type ParsedDelivery } from './batched-queue';
import { isDependencyUnavailable } from './dependency-unavailable';
import type { EventBatchTransaction, EventTransaction } from './event-transaction';
import { isBatchHandler, isTypedHandler } from './on-event.decorator';
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
  /** The service's inbox and outbox: needed by typed handlers (`@OnEvent`), whose transactions the transport owns. */
  transactions?: { inbox: Inbox; outbox: Outbox };
  /** Most deliveries a typed handler's queue applies in one transaction (default 100). */
  maxBatch?: number;
}

/** Extras a handler may give: `@EventPattern('contact.*', { queue: 'kpis' })`. */
export interface AmqpHandlerExtras {
  queue?: string;
}

interface ConsumerQueue extends QueueTopology {
  /** The patterns this process has handlers for (bindings may be wider during a rolling upgrade). */
  handled: string[];
  /** Nest's key of each handled pattern's handler (a typed handler's key names its queue). */
  handlerKeys: ReadonlyMap<string, string>;
  /** Typed handlers (`@OnEvent`, `@OnEventBatch`): batched, with the inbox and transaction owned here. */
  typed: boolean;
  /** Its handlers are `@OnEventBatch`: called once per batch. */
  batchHandlers: boolean;
}

type HandlerKind = 'untyped' | 'typed' | 'batch';

const HANDLER_DECORATORS: Record<HandlerKind, string> = { untyped: '@EventPattern', typed: '@OnEvent', batch: '@OnEventBatch' };

function kindOf(extras: unknown): HandlerKind {
  return isBatchHandler(extras) ? 'batch' : isTypedHandler(extras) ? 'typed' : 'untyped';
}

/** The handler declared it has no use for the event (`@OnEvent(…, { skips })`). */
function skips(extras: unknown, event: CloudEvent): boolean {
  return isTypedHandler(extras) && extras.skips !== undefined && extras.skips(event);
}

/** Nest chains the event handlers registered for one pattern (`next`) behind the first. */
function chainOf(handler: MessageHandler): MessageHandler[] {
  const chain: MessageHandler[] = [];
  for (let next: MessageHandler | undefined = handler; next; next = next.next) chain.push(next);
  return chain;
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
  /** The consumer channel of each queue. */
  private readonly channels = new Map<string, ChannelWrapper>();
  private stopWatchingDepth?: () => void;
  private readonly active = new Map<string, ActiveConsumer>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly batchedQueues = new Set<BatchedQueue>();
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
      this.channels.set(
        topology.queue,
        this.connection.createChannel({
          name: topology.queue,
          confirm: true,
          // Runs again on every reconnect: re-declares the topology and resumes consuming.
          setup: (channel: ConfirmChannel) => this.consume(channel, topology),
        }),
      );
    }
    this.stopWatchingDepth = watchQueueDepth(() => this.queueDepths());
    callback();
  }

  /** Resolves once every queue is declared and consumed; useful for tests and readiness. */
  async whenReady(): Promise<void> {
    await Promise.all([...this.channels.values()].map((c) => c.waitForConnect()));
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
    this.stopWatchingDepth?.();
    await Promise.all(
      [...this.active.values()].map(({ channel, consumerTag }) => channel.cancel(consumerTag).catch(() => undefined)),
    );
    await Promise.allSettled([...this.inFlight, ...[...this.batchedQueues].map((b) => b.idle())]);
    await Promise.all([...this.channels.values()].map((c) => c.close().catch(() => undefined)));
    await this.connection?.close();
  }

  /**
   * Ready messages and consumers of each consumer queue, for /metrics. Nothing while the broker is
   * away: `checkQueue` on a channel without a connection rejects at once instead of waiting.
   */
  private async queueDepths(): Promise<QueueDepth[]> {
    if (!this.isConnected()) return [];
    const readings = await Promise.allSettled(
      [...this.channels].map(async ([queue, channel]) => {
        const { messageCount, consumerCount } = await channel.checkQueue(queue);
        return { queue, ready: messageCount, consumers: consumerCount };
      }),
    );
    return readings.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  }

  on(): void {
    throw new Error('AmqpServer does not emit events to listeners');
  }

  unwrap<T>(): T {
    return this.connection as T;
  }

  /** The queues this process consumes, from its handlers, checked against the subscriptions table. */
  private consumerQueues(): ConsumerQueue[] {
    const keysByPurpose = new Map<string, Map<string, string>>();
    const kindsByPurpose = new Map<string, HandlerKind[]>();
    for (const [key, handler] of this.messageHandlers) {
      if (!handler.isEventHandler) continue;
      const purposes = new Set<string>();
      let pattern = key;
      for (const { extras } of chainOf(handler)) {
        const purpose = (extras as AmqpHandlerExtras | undefined)?.queue ?? this.options.defaultPurpose;
        if (isTypedHandler(extras)) pattern = extras.pattern;
        purposes.add(purpose);
        kindsByPurpose.set(purpose, [...(kindsByPurpose.get(purpose) ?? []), kindOf(extras)]);
      }
      if (purposes.size > 1) {
        // Nest keys untyped handlers by pattern alone: every one of them would run on the first queue, and the others would never be consumed.
        const queues = [...purposes].map((purpose) => `${this.options.service}.${purpose}`);
        throw new Error(`'${pattern}' has @EventPattern handlers on ${queues.join(' and ')}: an untyped pattern may be handled on one queue only (typed handlers may share one)`);
      }
      const [purpose] = purposes;
      const keys = keysByPurpose.get(purpose) ?? new Map<string, string>();
      keys.set(pattern, key);
      keysByPurpose.set(purpose, keys);
    }
    const subscriptions: readonly Subscription[] = this.options.subscriptions ?? SUBSCRIPTIONS;
    return [...keysByPurpose].map(([purpose, handlerKeys]) => {
      const { service } = this.options;
      const handled = [...handlerKeys.keys()];
      const subscription = subscriptions.find((s) => s.service === service && s.purpose === purpose);
      const unlisted = handled.filter((pattern) => !subscription?.patterns.includes(pattern));
      if (unlisted.length > 0) {
        throw new Error(`${service}.${purpose} handles ${unlisted.join(', ')}, which the contracts' SUBSCRIPTIONS do not list for it`);
      }
      const kind = this.oneKind(`${service}.${purpose}`, kindsByPurpose.get(purpose) ?? []);
      return {
        queue: this.names.queue(service, purpose),
        bindings: [...(subscription as Subscription).patterns],
        handled,
        handlerKeys,
        typed: kind !== 'untyped',
        batchHandlers: kind === 'batch',
        retryDelaysMs: this.retryDelaysMs,
      };
    });
  }

  /**
   * A queue's handlers are all of one kind. Typed and untyped do not mix: a batch is acked with one
   * multiple-ack, which would also ack an untyped handler's delivery still in flight on the same
   * channel. Per-event and batch handlers do not mix either: one would see the batch's effects
   * before or after the other depending on the kind, not on delivery order.
   */
  private oneKind(queue: string, kinds: HandlerKind[]): HandlerKind {
    const [kind] = kinds;
    if (kinds.some((k) => k !== kind)) {
      throw new Error(`${queue} mixes ${[...new Set(kinds)].map((k) => HANDLER_DECORATORS[k]).join(' and ')} handlers: use one kind per queue`);
    }
    if (kind !== 'untyped' && !this.options.transactions) {
      throw new Error(`${queue} has ${HANDLER_DECORATORS[kind]} handlers, so the transport needs the service's inbox and outbox`);
    }
    return kind;
  }

  private async consume(channel: ConfirmChannel, topology: ConsumerQueue): Promise<void> {
    await assertQueueTopology(channel, this.names, topology);
    const maxBatch = this.options.maxBatch ?? 100;
    // A typed queue keeps a second batch's worth of deliveries coming while one is applied.
    await channel.prefetch(topology.typed ? Math.max(this.options.prefetch ?? 32, 2 * maxBatch) : (this.options.prefetch ?? 32));
    // One batched queue per channel: after a reconnect the old channel's deliveries come again on the new one.
    const batched = topology.typed ? this.batchedQueue(channel, topology, maxBatch) : undefined;
    const { consumerTag } = await channel.consume(topology.queue, (message) => {
      if (!message || this.closing) return;
      if (batched) return batched.push(message);
      messagingMetrics.unacked.inc({ queue: topology.queue });
      const work = this.handle(channel, topology, message).finally(() => {
        this.inFlight.delete(work);
        messagingMetrics.unacked.dec({ queue: topology.queue });
      });
      this.inFlight.add(work);
    });
    this.active.set(topology.queue, { channel, consumerTag });
  }

  private batchedQueue(channel: ConfirmChannel, topology: ConsumerQueue, maxBatch: number): BatchedQueue {
    const { queue, handled, batchHandlers } = topology;
    const transactions = this.options.transactions as BatchedQueueOptions['transactions'];
    const batched = new BatchedQueue(
      { queue, handled, batchHandlers, maxBatch, transactions, source: `/hotline/${this.options.service}` },
      {
        parse: (message) => this.parse(message),
        validate: (parsed) => this.validate(parsed),
        invoke: (pattern, event, tx) => this.invoke(this.handlerOf(topology, pattern), event, tx),
        invokeBatch: (pattern, events, tx) => this.invoke(this.handlerOf(topology, pattern), events, tx),
        wants: (pattern, event) => chainOf(this.handlerOf(topology, pattern)).some((h) => !skips(h.extras, event)),
        fail: (message, type, retries, error) => this.onFailure(channel, queue, message, type, retries, error),
        settle: (message, upTo) => this.settle(channel, message, upTo),
      },
    );
    this.batchedQueues.add(batched);
    return batched;
  }

  private async handle(channel: ConfirmChannel, topology: ConsumerQueue, message: ConsumeMessage): Promise<void> {
    const retries = retriesSoFar(message.properties.headers);
    let event: CloudEvent;
    try {
      event = this.decode(message);
    } catch (error) {
      await this.onFailure(channel, topology.queue, message, String(message.properties.type ?? 'unknown'), retries, error);
      return;
    }
    // Everything the handlers do, log and publish runs with the event's correlation and causation
    // ids, in the span of handling it.
    const { correlation, span } = handlingOf(event, topology.queue);
    const failure = await CorrelationContext.run(correlation, () => this.dispatch(channel, topology, message, event, retries));
    span.end(failure === undefined ? {} : { failure });
  }

  /** Handles the event; resolves with the failure (already retried or dead-lettered), if any. */
  private async dispatch(
    channel: ConfirmChannel,
    topology: ConsumerQueue,
    message: ConsumeMessage,
    event: CloudEvent,
    retries: number,
  ): Promise<unknown> {
    const { queue, handled } = topology;
    try {
      const patterns = selectPatterns(handled, event.type);
      if (patterns.length === 0) throw new PermanentFailure(`no handler for ${event.type} on ${queue}`);
      const context = new AmqpContext([message, queue, retries + 1]);
      const stopTimer = messagingMetrics.handlingSeconds.startTimer({ queue, type: event.type });
      try {
        for (const pattern of patterns) await this.invoke(this.handlerOf(topology, pattern), event, context);
      } finally {
        stopTimer();
      }
      this.settle(channel, message);
      messagingMetrics.consumed.inc({ queue, type: event.type, outcome: 'handled' });
      this.logger.debug(`${queue}: handled ${event.type} ${event.id}`);
      return undefined;
    } catch (error) {
      await this.onFailure(channel, queue, message, event.type, retries, error);
      return error;
    }
  }

  private handlerOf({ handlerKeys }: ConsumerQueue, pattern: string): MessageHandler {
    return this.messageHandlers.get(handlerKeys.get(pattern) as string) as MessageHandler;
  }

  private decode(message: ConsumeMessage): CloudEvent {
    return this.validate(this.parse(message));
  }

  private parse(message: ConsumeMessage): ParsedDelivery {
    try {
      return decodeBody(message.content);
    } catch {
      throw new PermanentFailure('message body is not JSON');
    }
  }

  private validate({ body, json }: ParsedDelivery): CloudEvent {
    const result = validateCloudEvent(body, json);
    if (!result.ok) {
      const detail = result.errors.map((e) => `${e.path}: ${e.message}`).join('; ');
      throw new PermanentFailure(`not a valid catalogue event: ${detail}`);
    }
    return result.event;
  }

  private async invoke(
    handler: MessageHandler,
    payload: CloudEvent | readonly CloudEvent[],
    context: AmqpContext | EventTransaction | EventBatchTransaction,
  ): Promise<void> {
    const result = await handler(payload, context);
    await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
  }

  private async onFailure(
    channel: ConfirmChannel,
    queue: string,
    message: ConsumeMessage,
    type: string,
    retries: number,
    error: unknown,
  ): Promise<boolean> {
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
      return true;
    } catch (publishError) {
      // The retry or dead-letter copy was not confirmed: leave the delivery unacked, so the broker
      // redelivers it once this channel closes. Nothing is lost; at worst a copy exists twice.
      this.logger.error(`${queue}: could not move a failed delivery: ${(publishError as Error).message}`);
      return false;
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

  /**
   * Acks on the channel the delivery came on (with `upTo`, every delivery before it too); after a
   * reconnect that channel is gone and the broker redelivers.
   */
  private settle(channel: ConfirmChannel, message: ConsumeMessage, upTo = false): void {
    try {
      channel.ack(message, upTo);
    } catch (error) {
      this.logger.warn(`ack lost with its channel (${(error as Error).message}); the broker will redeliver`);
    }
  }
}

