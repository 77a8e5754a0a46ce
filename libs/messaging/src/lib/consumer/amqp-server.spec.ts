import { Controller, type Type } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import type { EventTypesMatching, KnownCloudEvent, Subscription } from '@hotline/contracts';
import type { Inbox } from '../inbox/inbox';
import type { Outbox } from '../outbox/outbox';
import { AmqpServer } from './amqp-server';
import type { EventBatchTransaction, EventTransaction } from './event-transaction';
import { OnEvent, OnEventBatch, typedHandlerKey } from './on-event.decorator';

type ContactEvent = KnownCloudEvent<EventTypesMatching<'contact.*'>>;

@Controller()
class ClocksOnContacts {
  @EventPattern('contact.*', { queue: 'contacts' })
  async clock(): Promise<void> {
    return undefined;
  }
}

@Controller()
class ClocksOnKpis {
  @EventPattern('contact.*', { queue: 'kpis' })
  async count(): Promise<void> {
    return undefined;
  }
}

@Controller()
class PerEvent {
  @OnEvent('contact.*', { queue: 'kpis' })
  async one(_event: ContactEvent, _tx: EventTransaction): Promise<void> {
    return undefined;
  }
}

/** The compiler only allows a queue's subscribed patterns, so this one is registered as `@OnEvent` registers it. */
@Controller()
class PerEventOnContacts {
  @EventPattern(typedHandlerKey('contacts', 'contact.*'), { queue: 'contacts', pattern: 'contact.*', typed: true })
  async one(): Promise<void> {
    return undefined;
  }
}

@Controller()
class PerBatch {
  @OnEventBatch('contact.*', { queue: 'kpis' })
  async many(_events: readonly ContactEvent[], _tx: EventBatchTransaction): Promise<void> {
    return undefined;
  }
}

const subscriptions: Subscription[] = [
  { service: 'dispatch', purpose: 'contacts', patterns: ['contact.*'] },
  { service: 'dispatch', purpose: 'kpis', patterns: ['contact.*'] },
];

/** Starts the controllers on a transport to a broker nobody listens at: the checks run before it connects. */
async function start(controllers: Type[]): Promise<void> {
  const server = new AmqpServer({
    url: 'amqp://127.0.0.1:1',
    service: 'dispatch',
    defaultPurpose: 'contacts',
    subscriptions,
    transactions: { inbox: {} as Inbox, outbox: {} as Outbox },
  });
  const moduleRef = await Test.createTestingModule({ controllers }).compile();
  const app = moduleRef.createNestMicroservice({ strategy: server });
  try {
    await app.listen();
  } finally {
    await app.close();
  }
}

describe('AmqpServer start-up checks', () => {
  it('refuses an untyped pattern handled on two queues, naming both: Nest keys those by pattern alone, so one queue would never be consumed', async () => {
    await expect(start([ClocksOnContacts, ClocksOnKpis])).rejects.toThrow(
      "'contact.*' has @EventPattern handlers on dispatch.contacts and dispatch.kpis: an untyped pattern may be handled on one queue only (typed handlers may share one)",
    );
  });

  it('starts typed handlers of one pattern on two queues: their keys name their queues', async () => {
    await expect(start([PerEvent, PerEventOnContacts])).resolves.toBeUndefined();
  });

  it('refuses a queue mixing @OnEvent and @OnEventBatch handlers', async () => {
    await expect(start([PerEvent, PerBatch])).rejects.toThrow('dispatch.kpis mixes @OnEvent and @OnEventBatch handlers: use one kind per queue');
  });

  it('refuses a queue mixing @OnEventBatch and @EventPattern handlers', async () => {
    await expect(start([ClocksOnKpis, PerBatch])).rejects.toThrow('dispatch.kpis mixes @EventPattern and @OnEventBatch handlers: use one kind per queue');
  });
});
