import { Controller } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { EventTypesMatching, KnownCloudEvent } from '@hotline/contracts';
import { register } from 'prom-client';
import { eventually, metricValue, publishToBus, TEST_AMQP_URL, testNamespace } from '@hotline/testing';
import {
  CorrelationContext,
  DeadLetters,
  type EventTransaction,
  MessagingNames,
  OnEvent,
  type TraceContext,
} from '../src';
import { contact, type ContactConsumer, startContactConsumer } from './support/contact-consumer';

const schema = 'svc';
const namespace = testNamespace();
const names = new MessagingNames(namespace);

/** Records each contact event's id as an effect; fails on contact 'poison'; reacts to abandons. */
@Controller()
class ContactProbe {
  /** The trace each handled event's handler ran in, by event id. */
  static readonly traces = new Map<string, TraceContext | undefined>();

  @OnEvent('contact.*', { queue: 'kpis' })
  async onContact(event: KnownCloudEvent<EventTypesMatching<'contact.*'>>, tx: EventTransaction): Promise<void> {
    ContactProbe.traces.set(event.id, CorrelationContext.current()?.trace);
    if (event.data.contactId === 'poison') throw new Error('poisoned contact');
    await tx.manager.query(`INSERT INTO ${schema}.effects (event_id, txid) VALUES ($1, txid_current())`, [event.id]);
    if (event.type === 'contact.abandoned') {
      tx.publish({
        type: 'case.opened',
        data: { caseId: `callback-${event.data.contactId}`, type: 'service_request', priority: 'P3', summary: 'call back an abandoned caller' },
      });
    }
  }
}

describe('typed handlers: @OnEvent with inbox, transaction and batches owned by the transport (real PostgreSQL and RabbitMQ)', () => {
  let consumer: ContactConsumer;
  let dataSource: DataSource;
  const queue = names.queue('quality', 'kpis');
  const effects = () => consumer.effects();

  beforeAll(async () => {
    consumer = await startContactConsumer(ContactProbe, schema, namespace);
    ({ dataSource } = consumer);
  });

  afterAll(() => consumer?.stop());

  it('applies a burst in shared transactions, each event once however often it is delivered', async () => {
    const burst = Array.from({ length: 300 }, (_, i) => contact(`c-${i}`));
    await publishToBus(namespace, [...burst, ...burst.slice(0, 50)]);
    await eventually(async () => expect(await effects()).toHaveLength(300), { timeoutMs: 15_000 });
    const rows = await effects();
    expect(new Set(rows.map((r) => r.event_id)).size).toBe(300);
    // Far fewer transactions than events: the deliveries that arrived while one batch ran shared the next.
    expect(new Set(rows.map((r) => r.txid)).size).toBeLessThan(300 / 4);
    await eventually(async () => expect(Number((await dataSource.query(`SELECT count(*) AS n FROM ${schema}.inbox`))[0].n)).toBe(300));
  });

  it('times each event and each batch, and counts batch sizes and deliveries held, in the metrics', async () => {
    await eventually(async () => expect(metricValue(await register.metrics(), 'hotline_queue_messages_unacked', { queue })).toBe(0));
    const body = await register.metrics();
    // The burst's 300 fresh events each ran their handler once; the 50 duplicates never reached it.
    expect(metricValue(body, 'hotline_event_handling_seconds_count', { queue, type: 'contact.queued' })).toBe(300);
    expect(metricValue(body, 'hotline_event_handling_seconds_sum', { queue, type: 'contact.queued' })).toBeGreaterThan(0);
    const batches = metricValue(body, 'hotline_event_batch_seconds_count', { queue });
    expect(batches).toBeGreaterThan(0);
    expect(batches).toBeLessThan(350 / 4);
    expect(metricValue(body, 'hotline_event_batch_size_count', { queue })).toBe(batches);
    expect(metricValue(body, 'hotline_event_batch_size_sum', { queue })).toBe(350);
    expect(metricValue(body, 'hotline_queue_messages_ready', { queue })).toBe(0);
    expect(metricValue(body, 'hotline_queue_consumers', { queue })).toBe(1);
  });

  it('retries a failing event alone while the rest of its batch is applied, then dead-letters it', async () => {
    await dataSource.query(`DELETE FROM ${schema}.effects`);
    const good = Array.from({ length: 40 }, (_, i) => contact(`g-${i}`));
    const poison = contact('poison');
    await publishToBus(namespace, [...good.slice(0, 20), poison, ...good.slice(20)]);
    const deadLetters = new DeadLetters(TEST_AMQP_URL, names);
    await eventually(async () => expect(await deadLetters.count(queue)).toBe(1), { timeoutMs: 15_000 });
    expect((await effects()).map((r) => r.event_id).sort()).toEqual(good.map((e) => e.id).sort());
    const [letter] = await deadLetters.list(queue);
    expect(letter).toMatchObject({ eventId: poison.id, retries: 2, lastError: 'poisoned contact' });
  });

  it('publishes what a handler publishes through the outbox, in its transaction, caused by the event', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const abandoned = { ...contact('c-abandoned', 'contact.abandoned'), traceparent: `00-${traceId}-00f067aa0ba902b7-01`, tracestate: 'vendor=abc' };
    await publishToBus(namespace, [abandoned]);
    await eventually(async () => expect(await dataSource.query(`SELECT payload FROM ${schema}.outbox`)).toHaveLength(1));
    const [{ payload }] = await dataSource.query(`SELECT payload FROM ${schema}.outbox`);
    expect(payload).toMatchObject({
      type: 'case.opened',
      source: '/hotline/quality',
      tenantid: 'acme',
      correlationid: 'corr-c-abandoned',
      causationid: abandoned.id,
      data: { caseId: 'callback-c-abandoned' },
    });
    // The handler ran in a span of its own of the event's trace, and what it published names that span.
    const handlerSpan = ContactProbe.traces.get(abandoned.id);
    expect(handlerSpan).toMatchObject({ traceId, flags: '01', tracestate: 'vendor=abc' });
    expect(handlerSpan?.spanId).not.toBe('00f067aa0ba902b7');
    expect(payload).toMatchObject({ traceparent: `00-${traceId}-${handlerSpan?.spanId}-01`, tracestate: 'vendor=abc' });
  });

  it('starts a trace for an event that names none', async () => {
    const untraced = contact('c-untraced');
    await publishToBus(namespace, [untraced]);
    await eventually(async () => expect(ContactProbe.traces.get(untraced.id)).toBeDefined());
    expect(ContactProbe.traces.get(untraced.id)?.traceId).toMatch(/^[0-9a-f]{32}$/);
  });
});
