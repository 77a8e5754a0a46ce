import { Controller, INestMicroservice } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { type KnownCloudEvent, newCloudEvent } from '@hotline/contracts';
import { register } from 'prom-client';
import { deleteBrokerObjects, eventually, metricValue, TcpProxy, TEST_AMQP_URL, testNamespace } from '@hotline/testing';
import {
  AmqpConnection,
  AmqpContext,
  AmqpServer,
  DeadLetters,
  EventHandlerErrorFilter,
  EventPublisher,
  MessagingNames,
  PermanentFailure,
  QUEUE_DEPTH_TIMEOUT_MS,
} from '../src';

const namespace = testNamespace();
const names = new MessagingNames(namespace);

@Controller()
class ProbeHandlers {
  readonly seen: { id: string; attempt: number }[] = [];
  /** Event ids whose handler fails this many more times. */
  readonly failures = new Map<string, number>();
  /** Event ids whose handler finds the database unreachable this many more times. */
  readonly outages = new Map<string, number>();
  /** While set, handlers of contacts named `held-*` wait for it to resolve. */
  hold?: Promise<void>;

  @EventPattern('contact.queued', { queue: 'probe' })
  async onQueued(@Payload() event: KnownCloudEvent<'contact.queued'>, @Ctx() ctx: AmqpContext): Promise<void> {
    if (event.data.contactId.startsWith('held-')) await this.hold;
    const down = this.outages.get(event.id) ?? 0;
    if (down > 0) {
      this.outages.set(event.id, down - 1);
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    }
    const left = this.failures.get(event.id) ?? 0;
    if (left === Infinity) throw new PermanentFailure('never valid');
    if (left > 0) {
      this.failures.set(event.id, left - 1);
      throw new Error(`transient failure of ${event.id}`);
    }
    this.seen.push({ id: event.id, attempt: ctx.getAttempt() });
  }
}

const queued = (contactId: string) =>
  newCloudEvent({
    type: 'contact.queued',
    source: 'test',
    tenantId: 'acme',
    data: { contactId, channel: 'voice', queue: 'billing', direction: 'inbound' },
  });

describe('AmqpServer (real RabbitMQ)', () => {
  let proxy: TcpProxy;
  let app: INestMicroservice;
  let server: AmqpServer;
  let handlers: ProbeHandlers;
  let connection: AmqpConnection;
  let publisher: EventPublisher;
  const queue = names.queue('quality', 'probe');

  beforeAll(async () => {
    const target = new URL(TEST_AMQP_URL);
    proxy = await TcpProxy.start(target.hostname, Number(target.port || 5672));
    const viaProxy = new URL(TEST_AMQP_URL);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    server = new AmqpServer({
      url: viaProxy.toString(),
      service: 'quality',
      namespace,
      defaultPurpose: 'probe',
      retryDelaysMs: [100, 200],
      subscriptions: [{ service: 'quality', purpose: 'probe', patterns: ['contact.queued'] }],
    });
    const moduleRef = await Test.createTestingModule({ controllers: [ProbeHandlers] }).compile();
    app = moduleRef.createNestMicroservice({ strategy: server });
    app.useGlobalFilters(new EventHandlerErrorFilter());
    await app.listen();
    await server.whenReady();
    handlers = app.get(ProbeHandlers);
    connection = new AmqpConnection(viaProxy.toString(), 'test-publisher');
    publisher = new EventPublisher(connection, names, 20_000, []);
  });

  afterAll(async () => {
    await publisher?.close();
    await connection?.close();
    await app?.close();
    await proxy?.close();
    await deleteBrokerObjects(server.declaredQueues(), [names.exchange]);
  });

  it('delivers a confirmed publish to the handler bound to its type', async () => {
    const event = queued('c-1');
    await publisher.publish(event);
    await eventually(async () => expect(handlers.seen).toContainEqual({ id: event.id, attempt: 1 }));
  });

  it('shows handling time, ready and unacked deliveries per queue in the metrics', async () => {
    const scrape = () => register.metrics();
    let release = (): void => undefined;
    handlers.hold = new Promise((resolve) => (release = resolve));
    const held = Array.from({ length: 40 }, (_, i) => queued(`held-${i}`));
    await publisher.publishAll(held);
    try {
      // The default prefetch is 32: that many are held unacked by the handlers, the rest wait ready.
      await eventually(async () => {
        const body = await scrape();
        expect(metricValue(body, 'hotline_queue_messages_unacked', { queue })).toBe(32);
        expect(metricValue(body, 'hotline_queue_messages_ready', { queue })).toBe(8);
        expect(metricValue(body, 'hotline_queue_consumers', { queue })).toBe(1);
      });
    } finally {
      release(); // even when the expectation fails, so shutdown does not wait on held handlers
    }
    await eventually(async () => expect(handlers.seen.map((s) => s.id)).toEqual(expect.arrayContaining(held.map((e) => e.id))));
    await eventually(async () => {
      const body = await scrape();
      expect(metricValue(body, 'hotline_queue_messages_unacked', { queue })).toBe(0);
      expect(metricValue(body, 'hotline_queue_messages_ready', { queue })).toBe(0);
    });
    const body = await scrape();
    const labels = { queue, type: 'contact.queued' };
    expect(metricValue(body, 'hotline_event_handling_seconds_count', labels)).toBeGreaterThanOrEqual(40);
    expect(metricValue(body, 'hotline_event_handling_seconds_sum', labels)).toBeGreaterThan(0);
    expect(metricValue(body, 'hotline_event_handling_seconds_bucket', { ...labels, le: '30' })).toBe(
      metricValue(body, 'hotline_event_handling_seconds_count', labels),
    );
  });

  it('retries a failing handler through the delay queues, then succeeds', async () => {
    const event = queued('c-2');
    handlers.failures.set(event.id, 2);
    await publisher.publish(event);
    await eventually(async () => expect(handlers.seen).toContainEqual({ id: event.id, attempt: 3 }));
  });

  it('waits out a database outage longer than its retries without dead-lettering the event', async () => {
    const event = queued('c-db');
    handlers.outages.set(event.id, 4); // more failures than the two retry delays
    await publisher.publish(event);
    await eventually(async () => expect(handlers.seen).toContainEqual({ id: event.id, attempt: 1 }));
    expect(await new DeadLetters(TEST_AMQP_URL, names).count(queue)).toBe(0);
  });

  it('dead-letters after the last retry, lists the dead letter, and replays it', async () => {
    const event = queued('c-3');
    handlers.failures.set(event.id, 3);
    await publisher.publish(event);
    const deadLetters = new DeadLetters(TEST_AMQP_URL, names);
    await eventually(async () => expect(await deadLetters.count(queue)).toBe(1));
    const [letter] = await deadLetters.list(queue);
    expect(letter).toMatchObject({ eventId: event.id, type: 'contact.queued', retries: 2 });
    expect(letter.lastError).toContain('transient failure');
    expect(await deadLetters.count(queue)).toBe(1); // listing takes nothing away

    expect(await deadLetters.replay(queue)).toBe(1);
    await eventually(async () => expect(handlers.seen).toContainEqual({ id: event.id, attempt: 1 }));
    expect(await deadLetters.count(queue)).toBe(0);
  });

  it('dead-letters a permanent failure and a malformed message at once, without retries', async () => {
    const event = queued('c-4');
    handlers.failures.set(event.id, Infinity);
    await publisher.publish(event);
    const raw = await (await import('amqplib')).connect(TEST_AMQP_URL);
    const channel = await raw.createConfirmChannel();
    channel.publish(names.exchange, 'contact.queued', Buffer.from('{not json'), { type: 'contact.queued' });
    await channel.waitForConfirms();
    await raw.close();

    const deadLetters = new DeadLetters(TEST_AMQP_URL, names);
    await eventually(async () => expect(await deadLetters.count(queue)).toBe(2));
    const letters = await deadLetters.list(queue);
    expect(letters.map((l) => l.lastError)).toEqual(
      expect.arrayContaining(['never valid', 'message body is not JSON']),
    );
    expect(letters.every((l) => l.retries === 0)).toBe(true);
  });

  it('recovers from a broker connection cut with no message lost', async () => {
    const before = queued('c-5');
    await publisher.publish(before);
    await eventually(async () => expect(handlers.seen.map((s) => s.id)).toContain(before.id));

    proxy.cut();
    await eventually(async () => expect(server.isConnected()).toBe(false));
    // A scrape does not wait for the broker: the queue is left out until it is back.
    const startedAt = Date.now();
    const body = await register.metrics();
    expect(Date.now() - startedAt).toBeLessThan(QUEUE_DEPTH_TIMEOUT_MS);
    expect(body).not.toContain(`hotline_queue_messages_ready{queue="${queue}"`);
    const during = [queued('c-6'), queued('c-7')];
    const confirmed = publisher.publishAll(during); // buffered until the connection is back
    proxy.restore();
    await confirmed;
    await eventually(async () => expect(server.isConnected()).toBe(true));
    await eventually(async () => expect(handlers.seen.map((s) => s.id)).toEqual(expect.arrayContaining(during.map((e) => e.id))));
  });

  it('refuses to start a handler whose pattern the subscriptions table does not list', async () => {
    const unlisted = new AmqpServer({ url: TEST_AMQP_URL, service: 'quality', namespace, defaultPurpose: 'probe', subscriptions: [] });
    const moduleRef = await Test.createTestingModule({ controllers: [ProbeHandlers] }).compile();
    const rogue = moduleRef.createNestMicroservice({ strategy: unlisted });
    await expect(rogue.listen()).rejects.toThrow("quality.probe handles contact.queued, which the contracts' SUBSCRIPTIONS do not list");
    await rogue.close();
  });
});
