import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { CloudEvent, EventTypesMatching, KnownCloudEvent, QueuePurpose, SubscribedPattern } from '@hotline/contracts';
import type { EventBatchTransaction, EventTransaction } from './event-transaction';

/** What the transport reads off a handler registered with `@OnEvent`. */
export interface TypedHandlerExtras {
  queue: string;
  /** The topic pattern; Nest's key for the handler is `typedHandlerKey(queue, pattern)`. */
  pattern: string;
  typed: true;
  /** Registered with `@OnEventBatch`: called once per batch with the batch's events. */
  batch?: true;
  /** Events the handler does nothing with (see TypedHandlerOptions). */
  skips?: (event: CloudEvent) => boolean;
}

/** Where a typed handler consumes, and optionally which of its pattern's events it has no use for. */
export interface TypedHandlerOptions<Q extends QueuePurpose, P extends string> {
  queue: Q;
  /**
   * Events this handler does nothing with (e.g. breaches of contacts, for a handler of cases'
   * breaches). A delivery every handler of its queue skips is acked with no transaction and no
   * inbox row: redelivered, it is skipped again. A hint only: a skipped event still reaches the
   * handler when another handler in the batch wants it, so the handler must ignore it itself too.
   */
  skips?: (event: KnownCloudEvent<EventTypesMatching<P>>) => boolean;
}

/** A typed handler for the events `P` matches. */
export type EventHandlerMethod<P extends string> = (event: KnownCloudEvent<EventTypesMatching<P>>, tx: EventTransaction) => Promise<void>;

/**
 * A message handler whose pattern is tied to its payload type and its queue to the contracts'
 * subscriptions, both at compile time: `@OnEvent('contact.*', { queue: 'kpis' })` takes only a
 * method `(event: KnownCloudEvent<'contact.queued' | …>, tx: EventTransaction) => Promise<void>`,
 * and only a pattern the `kpis` queue is bound to. The transport owns the rest: inbox
 * de-duplication, the transaction (`tx.manager`), batching, acks, retries and dead letters.
 */
export function OnEvent<Q extends QueuePurpose, P extends SubscribedPattern<Q>>(pattern: P, options: TypedHandlerOptions<Q, P>) {
  return <M extends EventHandlerMethod<P>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<M>): void => {
    const extras: TypedHandlerExtras = { queue: options.queue, pattern, typed: true, skips: options.skips as TypedHandlerExtras['skips'] };
    EventPattern(typedHandlerKey(options.queue, pattern), extras)(target, key, descriptor);
    // Nest passes a handler only its payload unless its parameters say otherwise.
    Payload()(target, key, 0);
    Ctx()(target, key, 1);
  };
}

/** A batch handler for the events `P` matches. */
export type EventBatchHandlerMethod<P extends string> = (
  events: readonly KnownCloudEvent<EventTypesMatching<P>>[],
  tx: EventBatchTransaction,
) => Promise<void>;

/**
 * `@OnEvent`'s counterpart for handlers that do better with the whole batch at once (one read, one
 * write for many events): `@OnEventBatch('#', { queue: 'audit' })` takes a method
 * `(events, tx: EventBatchTransaction) => Promise<void>`, called once per batch transaction with
 * the batch's new events its pattern matches, in delivery order (redeliveries already dropped by
 * the inbox). When a batch fails and its members are applied alone, it is called with one event.
 */
export function OnEventBatch<Q extends QueuePurpose, P extends SubscribedPattern<Q>>(pattern: P, options: TypedHandlerOptions<Q, P>) {
  return <M extends EventBatchHandlerMethod<P>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<M>): void => {
    const extras: TypedHandlerExtras = { queue: options.queue, pattern, typed: true, batch: true, skips: options.skips as TypedHandlerExtras['skips'] };
    EventPattern(typedHandlerKey(options.queue, pattern), extras)(target, key, descriptor);
    Payload()(target, key, 0);
    Ctx()(target, key, 1);
  };
}

/**
 * Nest keys handlers by pattern; a typed handler's key names its queue too, so two capabilities of
 * one service may each take the same events on their own queue (their own batches, failures and
 * dead letters), e.g. quality's KPIs and its alerts both hearing `sla.breached`.
 */
export function typedHandlerKey(queue: string, pattern: string): string {
  return `${queue}:${pattern}`;
}

export function isBatchHandler(extras: unknown): boolean {
  return isTypedHandler(extras) && extras.batch === true;
}

export function isTypedHandler(extras: unknown): extras is TypedHandlerExtras {
  return typeof extras === 'object' && extras !== null && (extras as Partial<TypedHandlerExtras>).typed === true;
}
