import { PATTERN_EXTRAS_METADATA, PATTERN_METADATA } from '@nestjs/microservices/constants';
import type { KnownCloudEvent } from '@hotline/contracts';
import type { EventBatchTransaction, EventTransaction } from './event-transaction';
import { isBatchHandler, isTypedHandler, OnEvent, OnEventBatch } from './on-event.decorator';

class Handlers {
  @OnEvent('contact.*', { queue: 'kpis' })
  async onContact(_event: KnownCloudEvent<'contact.queued' | 'contact.answered' | 'contact.abandoned' | 'contact.transferred' | 'contact.ended' | 'contact.completed' | 'contact.scored'>, _tx: EventTransaction): Promise<void> {
    return undefined;
  }

  // The compiler holds a handler to its pattern's events and its queue's subscriptions:
  // @ts-expect-error 'contact.*' also delivers contact.answered, contact.ended, …: the handler must take them all
  @OnEvent('contact.*', { queue: 'kpis' })
  async tooNarrow(_event: KnownCloudEvent<'contact.queued'>, _tx: EventTransaction): Promise<void> {
    return undefined;
  }

  // @ts-expect-error the kpis queue is not bound to case.opened
  @OnEvent('case.opened', { queue: 'kpis' })
  async notSubscribed(_event: KnownCloudEvent<'case.opened'>, _tx: EventTransaction): Promise<void> {
    return undefined;
  }

  // @ts-expect-error no service consumes a queue named 'billing'
  @OnEvent('case.opened', { queue: 'billing' })
  async unknownQueue(_event: KnownCloudEvent<'case.opened'>, _tx: EventTransaction): Promise<void> {
    return undefined;
  }
}

class BatchHandlers {
  @OnEventBatch('#', { queue: 'audit' })
  async onAll(_events: readonly KnownCloudEvent[], _tx: EventBatchTransaction): Promise<void> {
    return undefined;
  }

  // @ts-expect-error a batch handler takes the batch's events, not one event
  @OnEventBatch('#', { queue: 'audit' })
  async oneEvent(_event: KnownCloudEvent, _tx: EventBatchTransaction): Promise<void> {
    return undefined;
  }

  // @ts-expect-error 'contact.*' also delivers contact.answered, contact.ended, …: the handler must take them all
  @OnEventBatch('contact.*', { queue: 'kpis' })
  async tooNarrow(_events: readonly KnownCloudEvent<'contact.queued'>[], _tx: EventBatchTransaction): Promise<void> {
    return undefined;
  }

  // @ts-expect-error the kpis queue is not bound to case.opened
  @OnEventBatch('case.opened', { queue: 'kpis' })
  async notSubscribed(_events: readonly KnownCloudEvent<'case.opened'>[], _tx: EventBatchTransaction): Promise<void> {
    return undefined;
  }
}

describe('@OnEventBatch', () => {
  it('registers an event pattern the transport recognises as a typed batch handler, with its queue purpose', () => {
    const extras = Reflect.getMetadata(PATTERN_EXTRAS_METADATA, BatchHandlers.prototype.onAll);
    expect(Reflect.getMetadata(PATTERN_METADATA, BatchHandlers.prototype.onAll)).toEqual(['audit:#']);
    expect(extras).toEqual({ queue: 'audit', pattern: '#', typed: true, batch: true });
    expect(isTypedHandler(extras)).toBe(true);
    expect(isBatchHandler(extras)).toBe(true);
    expect(isBatchHandler({ queue: 'kpis', typed: true })).toBe(false);
  });
});

describe('@OnEvent', () => {
  it('registers an event pattern the transport recognises as typed, with its queue purpose', () => {
    const method = Handlers.prototype.onContact;
    // Keyed by queue and pattern, so another queue of the service may take the same events.
    expect(Reflect.getMetadata(PATTERN_METADATA, method)).toEqual(['kpis:contact.*']);
    const extras = Reflect.getMetadata(PATTERN_EXTRAS_METADATA, method);
    expect(extras).toEqual({ queue: 'kpis', pattern: 'contact.*', typed: true });
    expect(isTypedHandler(extras)).toBe(true);
    expect(isTypedHandler({ queue: 'kpis' })).toBe(false);
  });
});
