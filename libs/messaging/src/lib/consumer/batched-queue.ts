import { Logger } from '@nestjs/common';
import type { ConsumeMessage } from 'amqplib';
import type { EntityManager } from 'typeorm';
import type { CloudEvent } from '@hotline/contracts';
import { type Correlation, CorrelationContext, handlingOf } from '../correlation/correlation-context';
import type { TraceContext } from '../correlation/trace-context';
import type { WorkSpan } from '../correlation/work-span';
import type { Inbox } from '../inbox/inbox';
import { messagingMetrics } from '../metrics/messaging-metrics';
import type { Outbox } from '../outbox/outbox';
import { DeliveryBatcher } from './delivery-batcher';
import { type EventBatchTransaction, type EventTransaction, Reactions } from './event-transaction';
import { PermanentFailure } from './permanent-failure';
import { retriesSoFar } from './retry-policy';
import { selectPatterns } from './topic-pattern';

/** What a batched queue needs from the transport that owns the channel. */
export interface BatchedQueueHost {
  /** The delivery's body and its JSON text; throws PermanentFailure if it is not JSON. */
  parse(message: ConsumeMessage): ParsedDelivery;
  /** The parsed body as a valid catalogue event; throws PermanentFailure otherwise. */
  validate(parsed: ParsedDelivery): CloudEvent;
  /** Runs one handler (through Nest's pipeline) for one event. */
  invoke(pattern: string, event: CloudEvent, tx: EventTransaction): Promise<void>;
  /** Whether some handler of `pattern` has a use for the event (none declared it skips it). */
  wants(pattern: string, event: CloudEvent): boolean;
  /** Runs one batch handler (through Nest's pipeline) for a batch's events its pattern matches. */
  invokeBatch(pattern: string, events: readonly CloudEvent[], tx: EventBatchTransaction): Promise<void>;
  /** Retries or dead-letters a delivery; resolves false if it had to leave it unacked. */
  fail(message: ConsumeMessage, type: string, retries: number, error: unknown): Promise<boolean>;
  /** Acks a delivery, with `upTo` every delivery before it on the channel too. */
  settle(message: ConsumeMessage, upTo?: boolean): void;
}

export interface ParsedDelivery {
  body: unknown;
  json: string;
}

interface Delivery {
  message: ConsumeMessage;
  event: CloudEvent;
  retries: number;
  /** No handler here reads it, as its unvalidated body showed: acked with the batch, unread. */
  unread?: boolean;
}

export interface BatchedQueueOptions {
  queue: string;
  /** The patterns this process handles on the queue. */
  handled: readonly string[];
  /** The handlers are `@OnEventBatch`: each is called once per transaction with its events. */
  batchHandlers: boolean;
  transactions: { inbox: Inbox; outbox: Outbox };
  /** `source` of the events handlers publish, e.g. `/hotline/quality`. */
  source: string;
  maxBatch: number;
}

/**
 * One channel's deliveries of a queue whose handlers are typed (`@OnEvent`), applied in batches
 * (DESIGN decision 14): one transaction, one inbox insert and one multiple-ack per batch. If the
 * transaction fails, each delivery is applied alone, so only the guilty one is retried or
 * dead-lettered and the others go through. Per-event handlers (`@OnEvent`) are called for each new
 * event in turn; batch handlers (`@OnEventBatch`) once per transaction with all its new events.
 */
export class BatchedQueue {
  private readonly logger = new Logger(BatchedQueue.name);
  private readonly batcher: DeliveryBatcher<ConsumeMessage>;
  /** Once a delivery is left unacked (its retry copy unconfirmed), a multiple-ack would ack it too. */
  private leftUnacked = false;

  constructor(
    private readonly options: BatchedQueueOptions,
    private readonly host: BatchedQueueHost,
  ) {
    this.batcher = new DeliveryBatcher(options.maxBatch, (messages) => this.apply(messages));
  }

  /** Takes a delivery; it is applied with the next batch, in order. */
  push(message: ConsumeMessage): void {
    messagingMetrics.unacked.inc({ queue: this.options.queue });
    this.batcher.push(message);
  }

  idle(): Promise<void> {
    return this.batcher.idle();
  }

  private async apply(messages: ConsumeMessage[]): Promise<void> {
    try {
      await this.applyAll(messages);
    } finally {
      messagingMetrics.unacked.dec({ queue: this.options.queue }, messages.length);
    }
  }

  private async applyAll(messages: ConsumeMessage[]): Promise<void> {
    const deliveries: Delivery[] = [];
    for (const message of messages) {
      const retries = retriesSoFar(message.properties.headers);
      try {
        const parsed = this.host.parse(message);
        if (this.unwantedUnread(parsed.body)) deliveries.push({ message, event: parsed.body as CloudEvent, retries, unread: true });
        else deliveries.push({ message, event: this.host.validate(parsed), retries });
      } catch (error) {
        await this.fail(message, String(message.properties.type ?? 'unknown'), retries, error);
      }
    }
    if (deliveries.length > 1) {
      try {
        await this.transact(deliveries);
        this.ackAll(deliveries);
        return;
      } catch (error) {
        this.logger.warn(`${this.options.queue}: a batch of ${deliveries.length} failed (${(error as Error).message}); applying each alone`);
      }
    }
    for (const delivery of deliveries) {
      try {
        await this.transact([delivery]);
        this.host.settle(delivery.message);
      } catch (error) {
        await this.fail(delivery.message, delivery.event.type, delivery.retries, error);
      }
    }
  }

  private async transact(batch: Delivery[]): Promise<void> {
    const { queue, batchHandlers, transactions, source } = this.options;
    const reactions = new Reactions(source);
    const attempts = new Map(batch.map((d) => [d.event, d.retries + 1]));
    messagingMetrics.batchSize.observe({ queue }, batch.length);
    // Deliveries no handler has a use for are acked with the batch, without an inbox row.
    const events: CloudEvent[] = [];
    for (const { event, unread } of batch) {
      if (!unread && this.wanted(event)) events.push(event);
      else messagingMetrics.consumed.inc({ queue, type: event.type, outcome: 'skipped' });
    }
    if (events.length === 0) return;
    const stopBatchTimer = messagingMetrics.batchSeconds.startTimer({ queue });
    // One span per event, as each continues its own producer's trace; they end with the batch's
    // transaction, so a span marked ok was committed (a failed batch's are marked failed, and each
    // event applied alone afterwards gets a span of its own).
    const spans: WorkSpan[] = [];
    const endSpans = (failure?: unknown) => {
      const attributes = { 'messaging.batch.message_count': batch.length };
      for (const span of spans) span.end(failure === undefined ? { attributes } : { attributes, failure });
    };
    let settled: { applied: CloudEvent[]; duplicates: CloudEvent[] };
    try {
      settled = await transactions.inbox.applyBatch(queue, events, async (manager, fresh) => {
        if (batchHandlers) await this.applyToBatchHandlers(manager, fresh, reactions, spans, batch.length);
        else await this.applyToEventHandlers(manager, fresh, reactions, spans, attempts, batch.length);
        await transactions.outbox.add(manager, reactions.events);
      });
    } catch (failure) {
      endSpans(failure);
      throw failure;
    } finally {
      stopBatchTimer();
    }
    endSpans();
    const { applied, duplicates } = settled;
    for (const event of applied) messagingMetrics.consumed.inc({ queue, type: event.type, outcome: 'handled' });
    for (const event of duplicates) messagingMetrics.consumed.inc({ queue, type: event.type, outcome: 'duplicate' });
  }

  private async applyToEventHandlers(
    manager: EntityManager,
    fresh: readonly CloudEvent[],
    reactions: Reactions,
    spans: WorkSpan[],
    attempts: Map<CloudEvent, number>,
    batchSize: number,
  ): Promise<void> {
    const { queue } = this.options;
    for (const event of fresh) {
      const patterns = this.patternsFor(event);
      const tx = reactions.transactionFor(event, manager, queue, attempts.get(event) ?? 1);
      const { correlation, span } = handlingOf(event, queue);
      spans.push(span);
      await CorrelationContext.run(correlation, async () => {
        const stopTimer = messagingMetrics.handlingSeconds.startTimer({ queue, type: event.type });
        try {
          for (const pattern of patterns) await this.host.invoke(pattern, event, tx);
        } finally {
          stopTimer();
        }
        this.logger.debug(`${queue}: applied ${event.type} ${event.id} (batch of ${batchSize})`);
      });
    }
  }

  /**
   * Each batch handler once, with the new events its pattern matches in delivery order. Each event
   * still gets its span, which what a handler publishes for it names; the handlers' time is the
   * batch's (hotline_event_batch_seconds), not any one event's.
   */
  private async applyToBatchHandlers(
    manager: EntityManager,
    fresh: readonly CloudEvent[],
    reactions: Reactions,
    spans: WorkSpan[],
    batchSize: number,
  ): Promise<void> {
    const { queue } = this.options;
    const traces = new Map<CloudEvent, TraceContext>();
    const correlations: [CloudEvent, Correlation][] = [];
    const byPattern = new Map<string, CloudEvent[]>();
    for (const event of fresh) {
      const { correlation, span } = handlingOf(event, queue);
      spans.push(span);
      traces.set(event, span.trace);
      correlations.push([event, correlation]);
      for (const pattern of this.patternsFor(event)) {
        const events = byPattern.get(pattern);
        if (events) events.push(event);
        else byPattern.set(pattern, [event]);
      }
    }
    const tx = reactions.batchTransactionFor(manager, queue, (cause) => traces.get(cause));
    for (const [pattern, events] of byPattern) await this.host.invokeBatch(pattern, events, tx);
    // Logged per event, in its own correlation and trace, so one request is still followed through
    // every service's logs by its correlation id, as with per-event handlers.
    for (const [event, correlation] of correlations) {
      CorrelationContext.run(correlation, () => this.logger.debug(`${queue}: applied ${event.type} ${event.id} (batch of ${batchSize})`));
    }
  }

  /**
   * Whether every handler of the body's type declared, before validation, that it has no use for
   * it (a contact's breach on a queue that escalates cases): such a delivery is not validated here,
   * since judging it is for the queues that read it. Anything a skip test cannot read is validated.
   */
  private unwantedUnread(body: unknown): boolean {
    const type = typeof body === 'object' && body !== null ? (body as { type?: unknown }).type : undefined;
    if (typeof type !== 'string') return false;
    const patterns = selectPatterns([...this.options.handled], type);
    if (patterns.length === 0) return false;
    try {
      return !patterns.some((pattern) => this.host.wants(pattern, body as CloudEvent));
    } catch {
      return false;
    }
  }

  private wanted(event: CloudEvent): boolean {
    return this.patternsFor(event).some((pattern) => this.host.wants(pattern, event));
  }

  private patternsFor(event: CloudEvent): string[] {
    const { queue, handled } = this.options;
    const patterns = selectPatterns([...handled], event.type);
    if (patterns.length === 0) throw new PermanentFailure(`no handler for ${event.type} on ${queue}`);
    return patterns;
  }

  private ackAll(deliveries: Delivery[]): void {
    if (!this.leftUnacked) return this.host.settle(deliveries[deliveries.length - 1].message, true);
    for (const { message } of deliveries) this.host.settle(message);
  }

  private async fail(message: ConsumeMessage, type: string, retries: number, error: unknown): Promise<void> {
    if (!(await this.host.fail(message, type, retries, error))) this.leftUnacked = true;
  }
}
