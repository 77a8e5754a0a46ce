import { Controller, type INestMicroservice } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { DataSource } from 'typeorm';
import { type EventTypesMatching, type KnownCloudEvent, newCloudEvent } from '@hotline/contracts';
import { createTestDatabase, deleteBrokerObjects, eventually, TEST_AMQP_URL, type TestDatabase, testNamespace } from '@hotline/testing';
import {
  AmqpConnection,
  AmqpServer,
  CorrelationContext,
  EventHandlerErrorFilter,
  EventPublisher,
  type EventTransaction,
  exportSpansWith,
  Inbox,
  messagingTablesV1Sql,
  messagingTablesV2Sql,
  MessagingNames,
  OnEvent,
  Outbox,
  OutboxRelay,
  PermanentFailure,
  type TraceContext,
} from '../src';

const schema = 'svc';
const namespace = testNamespace();
const names = new MessagingNames(namespace);
/** The request that wrote the event: its span is the producer's parent. */
const REQUEST: TraceContext = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', flags: '01' };

/** Reacts to a contact event with a callback case, remembering the trace it ran in. */
@Controller()
class AbandonedProbe {
  static readonly traces = new Map<string, TraceContext | undefined>();

  @OnEvent('contact.*', { queue: 'kpis' })
  async onContact(event: KnownCloudEvent<EventTypesMatching<'contact.*'>>, tx: EventTransaction): Promise<void> {
    AbandonedProbe.traces.set(event.id, CorrelationContext.current()?.trace);
    tx.publish({
      type: 'case.opened',
      data: { caseId: `callback-${event.data.contactId}`, type: 'service_request', priority: 'P3', summary: 'call back an abandoned caller' },
    });
  }
}

/** A plain (untyped) handler: remembers its trace, refuses contacts named `bad`. */
@Controller()
class PlainProbe {
  static readonly traces = new Map<string, TraceContext | undefined>();

  @EventPattern('contact.queued', { queue: 'probe' })
  onQueued(@Payload() event: KnownCloudEvent<'contact.queued'>): void {
    PlainProbe.traces.set(event.id, CorrelationContext.current()?.trace);
    if (event.data.contactId === 'bad') throw new PermanentFailure('refused by the probe');
  }
}

const queued = (contactId: string, trace: TraceContext) => ({
  ...newCloudEvent({ type: 'contact.queued', source: '/test', tenantId: 'acme', data: { contactId, channel: 'voice', queue: 'billing', direction: 'inbound' } }),
  traceparent: `00-${trace.traceId}-${trace.spanId}-${trace.flags}`,
});

describe('spans of the message path: outbox write → relay publish → consume (real PostgreSQL and RabbitMQ)', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  let db: TestDatabase;
  let dataSource: DataSource;
  let connection: AmqpConnection;
  let publisher: EventPublisher;
  let relay: OutboxRelay;
  let app: INestMicroservice;
  let server: AmqpServer;
  const outbox = new Outbox(schema);
  const spanOf = (kind: SpanKind, eventId: string): ReadableSpan | undefined =>
    exporter.getFinishedSpans().find((s) => s.kind === kind && s.attributes['cloudevents.event_id'] === eventId);

  beforeAll(async () => {
    exportSpansWith(provider.getTracer('test'));
    db = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    await dataSource.query(`CREATE SCHEMA ${schema}`);
    for (const sql of [...messagingTablesV1Sql(schema), ...messagingTablesV2Sql(schema)]) await dataSource.query(sql);
    connection = new AmqpConnection(TEST_AMQP_URL, 'test-spans');
    publisher = new EventPublisher(connection, names, 5_000, []);
    relay = new OutboxRelay(dataSource, publisher, { schema, pollIntervalMs: 60_000 });
    server = new AmqpServer({
      url: TEST_AMQP_URL,
      service: 'quality',
      namespace,
      defaultPurpose: 'kpis',
      transactions: { inbox: new Inbox(dataSource, schema), outbox },
    });
    const moduleRef = await Test.createTestingModule({ controllers: [AbandonedProbe] }).compile();
    app = moduleRef.createNestMicroservice({ strategy: server });
    app.useGlobalFilters(new EventHandlerErrorFilter());
    await app.listen();
    await server.whenReady();
  });

  afterAll(async () => {
    exportSpansWith(undefined);
    await app?.close();
    await publisher?.close();
    await connection?.close();
    await dataSource?.destroy();
    await db?.drop();
    if (server) await deleteBrokerObjects(server.declaredQueues(), [names.exchange]);
    await provider.shutdown();
  });

  it('makes one trace: the publish a child of the writer, the handling a child of the publish, its reaction a child of the handling', async () => {
    const abandoned = newCloudEvent({
      type: 'contact.abandoned',
      source: '/test',
      tenantId: 'acme',
      data: { contactId: 'c-1', queue: 'billing' },
    });
    await CorrelationContext.run({ correlationId: 'corr-1', trace: REQUEST }, () => dataSource.transaction((m) => outbox.add(m, [abandoned])));
    await relay.drain();

    const queue = names.queue('quality', 'kpis');
    await eventually(async () => expect(spanOf(SpanKind.CONSUMER, abandoned.id)).toBeDefined(), { timeoutMs: 10_000 });
    const producer = spanOf(SpanKind.PRODUCER, abandoned.id) as ReadableSpan;
    const consumer = spanOf(SpanKind.CONSUMER, abandoned.id) as ReadableSpan;

    expect(producer.spanContext().traceId).toBe(REQUEST.traceId);
    expect(producer.parentSpanContext?.spanId).toBe(REQUEST.spanId);
    expect(producer).toMatchObject({
      name: 'publish contact.abandoned',
      attributes: { 'messaging.system': 'rabbitmq', 'messaging.destination.name': names.exchange, 'cloudevents.event_type': 'contact.abandoned' },
      status: { code: SpanStatusCode.UNSET },
    });

    expect(consumer.spanContext().traceId).toBe(REQUEST.traceId);
    expect(consumer.parentSpanContext?.spanId).toBe(producer.spanContext().spanId);
    expect(consumer).toMatchObject({
      name: `process ${queue}`,
      attributes: {
        'messaging.system': 'rabbitmq',
        'messaging.destination.name': queue,
        'cloudevents.event_id': abandoned.id,
        'cloudevents.event_type': 'contact.abandoned',
        'hotline.tenant_id': 'acme',
        'messaging.batch.message_count': 1,
      },
    });
    // The handler's logs name the exported span.
    expect(AbandonedProbe.traces.get(abandoned.id)).toMatchObject({ traceId: REQUEST.traceId, spanId: consumer.spanContext().spanId });

    // The handler's reaction, published in its turn, continues the same trace under the handling span.
    const [reaction] = await dataSource.query(`SELECT payload FROM ${schema}.outbox`);
    expect(reaction.payload).toMatchObject({ type: 'case.opened', traceparent: `00-${REQUEST.traceId}-${consumer.spanContext().spanId}-01` });
    expect(await relay.drain()).toBe(1);
    const reactionPublish = spanOf(SpanKind.PRODUCER, reaction.payload.id) as ReadableSpan;
    expect(reactionPublish.parentSpanContext?.spanId).toBe(consumer.spanContext().spanId);
  });
});

describe('spans of a plain handler (real RabbitMQ)', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const plainNames = new MessagingNames(testNamespace());
  let connection: AmqpConnection;
  let publisher: EventPublisher;
  let app: INestMicroservice;
  let server: AmqpServer;
  const consumerSpan = (eventId: string) =>
    exporter.getFinishedSpans().find((s) => s.kind === SpanKind.CONSUMER && s.attributes['cloudevents.event_id'] === eventId);

  beforeAll(async () => {
    exportSpansWith(provider.getTracer('test'));
    connection = new AmqpConnection(TEST_AMQP_URL, 'test-plain-spans');
    publisher = new EventPublisher(connection, plainNames, 5_000, []);
    server = new AmqpServer({
      url: TEST_AMQP_URL,
      service: 'quality',
      namespace: plainNames.namespace,
      defaultPurpose: 'probe',
      retryDelaysMs: [],
      subscriptions: [{ service: 'quality', purpose: 'probe', patterns: ['contact.queued'] }],
    });
    const moduleRef = await Test.createTestingModule({ controllers: [PlainProbe] }).compile();
    app = moduleRef.createNestMicroservice({ strategy: server });
    app.useGlobalFilters(new EventHandlerErrorFilter());
    await app.listen();
    await server.whenReady();
  });

  afterAll(async () => {
    exportSpansWith(undefined);
    await app?.close();
    await publisher?.close();
    await connection?.close();
    if (server) await deleteBrokerObjects(server.declaredQueues(), [plainNames.exchange]);
    await provider.shutdown();
  });

  it('handles in a CONSUMER span under the publish, and marks it failed when the handler fails', async () => {
    const good = queued('good', REQUEST);
    const bad = queued('bad', REQUEST);
    await publisher.publish(good);
    await publisher.publish(bad);
    await eventually(async () => expect([consumerSpan(good.id), consumerSpan(bad.id)]).toEqual([expect.anything(), expect.anything()]), { timeoutMs: 10_000 });

    const publishOfGood = exporter.getFinishedSpans().find((s) => s.kind === SpanKind.PRODUCER && s.attributes['cloudevents.event_id'] === good.id);
    expect(publishOfGood?.parentSpanContext?.spanId).toBe(REQUEST.spanId);
    expect(consumerSpan(good.id)?.parentSpanContext?.spanId).toBe(publishOfGood?.spanContext().spanId);
    expect(consumerSpan(good.id)?.status.code).toBe(SpanStatusCode.UNSET);
    expect(PlainProbe.traces.get(good.id)?.spanId).toBe(consumerSpan(good.id)?.spanContext().spanId);
    expect(consumerSpan(bad.id)?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'refused by the probe' });
  });
});
