import type { EntityManager } from 'typeorm';
import { type CloudEvent, type EventType, newCloudEvent, type NewCloudEventParams } from '@hotline/contracts';
import type { TraceContext } from '../correlation/trace-context';
import { traced } from '../correlation/traced-event';

/** An event a handler publishes: the tenant, correlation and causation come from the event handled. */
export type ReactionEvent<K extends EventType> = Omit<NewCloudEventParams<K>, 'source' | 'tenantId' | 'correlationId' | 'causationId'>;

/**
 * What a typed handler (`@OnEvent`) gets beside its event: the transaction its effects run in
 * (shared with the inbox rows of its batch, committed before the deliveries are acked) and a way
 * to publish through the outbox in that same transaction.
 */
export interface EventTransaction {
  readonly manager: EntityManager;
  /** The consumer queue, e.g. `quality.kpis`. */
  readonly queue: string;
  /** 1 for the first delivery, 2 after one retry, and so on. */
  readonly attempt: number;
  /**
   * Publishes, if and only if the transaction commits, stamped with the tenant, correlation and
   * causation, and the handler's span of the event's trace (`traceparent`).
   */
  publish<K extends EventType>(event: ReactionEvent<K>): void;
}

/**
 * What a batch handler (`@OnEventBatch`) gets beside its events: the batch's transaction, and a way
 * to publish through the outbox in it. A batch has many causes, so each publish names its own.
 */
export interface EventBatchTransaction {
  readonly manager: EntityManager;
  /** The consumer queue, e.g. `security.audit`. */
  readonly queue: string;
  /** Publishes if the transaction commits, stamped with `cause`'s tenant and correlation, caused by it, in its span. */
  publish<K extends EventType>(cause: CloudEvent, event: ReactionEvent<K>): void;
}

/** The events the handlers of one transaction publish, written to the outbox in one insert before it commits. */
export class Reactions {
  readonly events: CloudEvent[] = [];

  constructor(private readonly source: string) {}

  transactionFor(cause: CloudEvent, manager: EntityManager, queue: string, attempt: number): EventTransaction {
    const publish = <K extends EventType>(event: ReactionEvent<K>): void => this.add(cause, event);
    return { manager, queue, attempt, publish };
  }

  /** `spanOf` gives the span each member of the batch is handled in, which its reactions name. */
  batchTransactionFor(manager: EntityManager, queue: string, spanOf: (cause: CloudEvent) => TraceContext | undefined): EventBatchTransaction {
    const publish = <K extends EventType>(cause: CloudEvent, event: ReactionEvent<K>): void => this.add(cause, event, spanOf(cause));
    return { manager, queue, publish };
  }

  /** Without `trace`, the current correlation context's span is named. */
  private add<K extends EventType>(cause: CloudEvent, event: ReactionEvent<K>, trace?: TraceContext): void {
    const reaction = newCloudEvent({
      ...event,
      source: this.source,
      tenantId: cause.tenantid,
      correlationId: cause.correlationid ?? cause.id,
      causationId: cause.id,
    } as NewCloudEventParams<K>);
    this.events.push(trace ? traced(reaction, trace) : traced(reaction));
  }
}
