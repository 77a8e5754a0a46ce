import { Controller } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { EventTypesMatching, KnownCloudEvent } from '@hotline/contracts';
import { register } from 'prom-client';
import { eventually, metricValue, publishToBus, TEST_AMQP_URL, testNamespace } from '@hotline/testing';
import {
  DeadLetters,
  type EventBatchTransaction,
  MessagingNames,
  OnEventBatch,
} from '../src';
import { contact, type ContactConsumer, startContactConsumer } from './support/contact-consumer';

const schema = 'svc';
const namespace = testNamespace();
const names = new MessagingNames(namespace);

/** Records each call's event ids and applies them in one statement; fails a batch holding contact 'poison'. */
@Controller()
class ContactBatchProbe {
  /** The event ids of each call, in call order. */
  static readonly calls: string[][] = [];
  /** While set, a batch holding contact 'gate' waits for it: deliveries meanwhile gather into the next batch. */
  static gate?: Promise<void>;
  static gateEntered = false;

  // Contacts named skip-… are of no use to it: acked with no transaction and no inbox row.
  @OnEventBatch('contact.*', { queue: 'kpis', skips: (event) => event.data.contactId.startsWith('skip-') })
  async onContacts(events: readonly KnownCloudEvent<EventTypesMatching<'contact.*'>>[], tx: EventBatchTransaction): Promise<void> {
    ContactBatchProbe.calls.push(events.map((e) => e.id));
    if (events.some((e) => e.data.contactId === 'gate')) {
      ContactBatchProbe.gateEntered = true;
      await ContactBatchProbe.gate;
    }
    if (events.some((e) => e.data.contactId === 'poison')) throw new Error('poisoned contact');
    await tx.manager.query(`INSERT INTO ${schema}.effects (event_id, txid) SELECT unnest($1::text[]), txid_current()`, [events.map((e) => e.id)]);
    for (const event of events) {
      if (event.type !== 'contact.abandoned') continue;
      tx.publish(event, {
        type: 'case.opened',
        data: { caseId: `callback-${event.data.contactId}`, type: 'service_request', priority: 'P3', summary: 'call back an abandoned caller' },
      });
    }
  }
}

describe('batch handlers: @OnEventBatch called once per batch transaction (real PostgreSQL and RabbitMQ)', () => {
  let consumer: ContactConsumer;
  let dataSource: DataSource;
  const queue = names.queue('quality', 'kpis');
  const effects = () => consumer.effects();

  beforeAll(async () => {
    consumer = await startContactConsumer(ContactBatchProbe, schema, namespace);
    ({ dataSource } = consumer);
  });

  afterAll(() => consumer?.stop());

  beforeEach(async () => {
    ContactBatchProbe.calls.length = 0;
    await dataSource.query(`DELETE FROM ${schema}.effects`);
  });

  /**
   * Holds the queue on a batch of one gate event until `events` have all been delivered behind it,
   * so they form the next batch together. Resolves with the gate event's id.
   */
  async function behindGate(events: ReturnType<typeof contact>[]): Promise<string> {
    let release = (): void => undefined;
    ContactBatchProbe.gateEntered = false;
    ContactBatchProbe.gate = new Promise<void>((resolve) => (release = resolve));
    const gate = contact('gate');
    await publishToBus(namespace, [gate]);
    await eventually(async () => expect(ContactBatchProbe.gateEntered).toBe(true));
    await publishToBus(namespace, events);
    await eventually(async () => expect(metricValue(await register.metrics(), 'hotline_queue_messages_unacked', { queue })).toBe(1 + events.length));
    release();
    return gate.id;
  }

  it('calls the handler once per batch, in its transaction, with its new events in delivery order, redeliveries left out', async () => {
    const burst = Array.from({ length: 300 }, (_, i) => contact(`c-${i}`));
    await publishToBus(namespace, [...burst, ...burst.slice(0, 50)]);
    await eventually(async () => expect(await effects()).toHaveLength(300), { timeoutMs: 15_000 });
    const { calls } = ContactBatchProbe;
    // Every event reached the handler once, in the order published, however often it was delivered.
    expect(calls.flat()).toEqual(burst.map((e) => e.id));
    expect(calls.length).toBeLessThan(300 / 4);
    // Each call ran in a transaction of its own, one per batch.
    const txidOf = new Map((await effects()).map((r) => [r.event_id, r.txid]));
    const callTxids = calls.map((ids) => new Set(ids.map((id) => txidOf.get(id))));
    expect(callTxids.every((txids) => txids.size === 1)).toBe(true);
    expect(new Set(callTxids.map((txids) => [...txids][0])).size).toBe(calls.length);
  });

  it('applies a failing batch member by member, calling the handler once for each, then dead-letters the guilty one', async () => {
    const good = Array.from({ length: 40 }, (_, i) => contact(`g-${i}`));
    const poison = contact('poison');
    const members = [...good.slice(0, 20), poison, ...good.slice(20)];
    const gate = await behindGate(members);
    const deadLetters = new DeadLetters(TEST_AMQP_URL, names);
    await eventually(async () => expect(await deadLetters.count(queue)).toBe(1), { timeoutMs: 15_000 });
    expect((await effects()).map((r) => r.event_id).sort()).toEqual([gate, ...good.map((e) => e.id)].sort());
    const ids = members.map((e) => e.id);
    // The gate alone, the 41 together (rolled back), each of them alone, then the poison's two retries alone.
    expect(ContactBatchProbe.calls).toEqual([[gate], ids, ...ids.map((id) => [id]), [poison.id], [poison.id]]);
  });

  it('acks the events every handler skips without a transaction or inbox row, and applies the rest of their batch', async () => {
    const skipped = [contact('skip-1'), contact('skip-2')];
    const wanted = contact('c-wanted');
    const gate = await behindGate([skipped[0], wanted, skipped[1]]);
    await eventually(async () => expect(metricValue(await register.metrics(), 'hotline_queue_messages_unacked', { queue })).toBe(0));
    expect(ContactBatchProbe.calls).toEqual([[gate], [wanted.id]]);
    // A batch of skipped events only: no call, no transaction, nothing kept; the queue is drained all the same.
    const alone = [contact('skip-3'), contact('skip-4')];
    await publishToBus(namespace, alone);
    await eventually(async () => expect(metricValue(await register.metrics(), 'hotline_events_consumed_total', { queue, type: 'contact.queued', outcome: 'skipped' })).toBe(4));
    await eventually(async () => expect(metricValue(await register.metrics(), 'hotline_queue_messages_unacked', { queue })).toBe(0));
    expect(ContactBatchProbe.calls).toEqual([[gate], [wanted.id]]);
    const seen = await dataSource.query(`SELECT event_id FROM ${schema}.inbox WHERE event_id = ANY($1::text[])`, [[...skipped, ...alone].map((e) => e.id)]);
    expect(seen).toEqual([]);
    expect((await effects()).map((r) => r.event_id).sort()).toEqual([gate, wanted.id].sort());
  });

  it('skips before validating: what no handler here reads is acked unjudged; what a skip test cannot read is judged', async () => {
    const deadLetters = new DeadLetters(TEST_AMQP_URL, names);
    const before = await deadLetters.count(queue);
    const skippedBefore = metricValue(await register.metrics(), 'hotline_events_consumed_total', { queue, type: 'contact.queued', outcome: 'skipped' }) ?? 0;
    // Invalid (a time that is no date), but a contact this queue skips: not this queue's to dead-letter.
    const unread = { ...contact('skip-invalid'), time: 'yesterday' };
    // Invalid and with no data to run the skip test on: validated, and dead-lettered with its reason.
    const { data: _data, ...unreadable } = contact('no-data');
    await publishToBus(namespace, [unread, unreadable]);
    await eventually(async () => expect(await deadLetters.count(queue)).toBe(before + 1), { timeoutMs: 15_000 });
    await eventually(async () =>
      expect(metricValue(await register.metrics(), 'hotline_events_consumed_total', { queue, type: 'contact.queued', outcome: 'skipped' })).toBe(skippedBefore + 1),
    );
    const [letter] = (await deadLetters.list(queue, 100)).filter((l) => l.eventId === unreadable.id);
    expect(letter?.lastError).toMatch(/not a valid catalogue event: data/);
    expect(ContactBatchProbe.calls.flat()).not.toContain(unread.id);
  });

  it('publishes what the handler publishes for an event through the outbox, caused by that event', async () => {
    const abandoned = contact('c-abandoned', 'contact.abandoned');
    const quiet = contact('c-quiet');
    const gate = await behindGate([quiet, abandoned]);
    await eventually(async () => expect(await dataSource.query(`SELECT payload FROM ${schema}.outbox`)).toHaveLength(1));
    expect(ContactBatchProbe.calls).toEqual([[gate], [quiet.id, abandoned.id]]);
    const [{ payload }] = await dataSource.query(`SELECT payload FROM ${schema}.outbox`);
    expect(payload).toMatchObject({
      type: 'case.opened',
      source: '/hotline/quality',
      tenantid: 'acme',
      correlationid: 'corr-c-abandoned',
      causationid: abandoned.id,
      data: { caseId: 'callback-c-abandoned' },
    });
    expect(payload.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });
});
