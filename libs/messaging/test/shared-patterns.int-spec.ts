import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { CloudEvent, Subscription } from '@hotline/contracts';
import { eventually, publishToBus, TEST_AMQP_URL, testNamespace } from '@hotline/testing';
import { DeadLetters, type EventBatchTransaction, type EventTransaction, MessagingNames, typedHandlerKey } from '../src';
import { contact, type ContactConsumer, startContactConsumer } from './support/contact-consumer';

const schema = 'svc';
const namespace = testNamespace();
const names = new MessagingNames(namespace);
const subscriptions: Subscription[] = [
  { service: 'quality', purpose: 'kpis', patterns: ['contact.*'] },
  { service: 'quality', purpose: 'alerts', patterns: ['contact.*'] },
];

/**
 * Registers a typed handler as `@OnEvent`/`@OnEventBatch` do; written out because their types only
 * allow the contracts' own queues, and this test binds a second one to the same pattern.
 */
function typedOn(queue: string, pattern: string, batch = false): MethodDecorator {
  return (target, key, descriptor) => {
    EventPattern(typedHandlerKey(queue, pattern), { queue, pattern, typed: true, ...(batch ? { batch: true } : {}) })(target, key, descriptor);
    Payload()(target, key, 0);
    Ctx()(target, key, 1);
  };
}

const effect = (tx: EventTransaction | EventBatchTransaction, queue: string, ids: string[]) =>
  tx.manager.query(`INSERT INTO ${schema}.effects (event_id, txid) SELECT $1 || ':' || unnest($2::text[]), txid_current()`, [queue, ids]);

@Controller()
class KpisProbe {
  @typedOn('kpis', 'contact.*')
  async onContact(event: CloudEvent, tx: EventTransaction): Promise<void> {
    await effect(tx, 'kpis', [event.id]);
  }
}

/** Fails on contact 'poison': its dead letter must stay on this queue and spare the other. */
@Controller()
class AlertsProbe {
  @typedOn('alerts', 'contact.*', true)
  async onContacts(events: readonly CloudEvent[], tx: EventBatchTransaction): Promise<void> {
    if (events.some((e) => (e.data as { contactId: string }).contactId === 'poison')) throw new Error('poisoned contact');
    await effect(tx, 'alerts', events.map((e) => e.id));
  }
}

describe('one pattern, typed handlers on two queues of a service (real PostgreSQL and RabbitMQ)', () => {
  let consumer: ContactConsumer;

  beforeAll(async () => {
    consumer = await startContactConsumer([KpisProbe, AlertsProbe], schema, namespace, subscriptions);
  });

  afterAll(() => consumer?.stop());

  it('delivers each event to both queues, each applying it once with its own inbox, and fails them apart', async () => {
    const events = Array.from({ length: 20 }, (_, i) => contact(`c-${i}`));
    const poison = contact('poison');
    await publishToBus(namespace, [...events, poison, ...events.slice(0, 5)]);
    const expected = [
      ...[...events, poison].map((e) => `kpis:${e.id}`),
      ...events.map((e) => `alerts:${e.id}`),
    ].sort();
    await eventually(async () => expect((await consumer.effects()).map((r) => r.event_id).sort()).toEqual(expected), { timeoutMs: 15_000 });
    const deadLetters = new DeadLetters(TEST_AMQP_URL, names);
    await eventually(async () => expect(await deadLetters.count(names.queue('quality', 'alerts'))).toBe(1), { timeoutMs: 15_000 });
    expect(await deadLetters.count(names.queue('quality', 'kpis'))).toBe(0);
  });
});
