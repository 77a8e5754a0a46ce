// `npm run bench:consumer`: how many events/s one consumer process applies, per message (a
// transaction and an ack each, as handlers did before @OnEvent) and batched (@OnEvent: one
// transaction, one inbox insert and one multiple-ack per batch), next to the raw limit measured in
// the same run (the same broker deliveries acked with no database work). Each mode drains the same
// preloaded backlog of contact events into a tally upsert, on a database and namespace of its own.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { Controller, type INestMicroservice } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { connect } from 'amqplib';
import { DataSource, type EntityManager } from 'typeorm';
import { type CloudEvent, type EventTypesMatching, type KnownCloudEvent, newCloudEvent } from '@hotline/contracts';
import {
  type AmqpContext,
  AmqpServer,
  EventHandlerErrorFilter,
  type EventTransaction,
  Inbox,
  messagingTablesV1Sql,
  messagingTablesV2Sql,
  MessagingNames,
  OnEvent,
  Outbox,
} from '@hotline/messaging';
import { AMQP_URL, benchDatabase } from './bench-env';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
/** The transport's bound on a batch (its default is 100). */
const MAX_BATCH = Number(process.env.BENCH_MAX_BATCH ?? 100);
const SCHEMA = 'bench';
let inbox: Inbox; // set before a mode starts; handlers are not injected, to keep the bench free of Nest DI

/** The effect both modes apply: the tally upsert quality's KPI consumer does. */
const tally = (manager: EntityManager, event: CloudEvent) =>
  manager.query(
    `INSERT INTO ${SCHEMA}.tallies (tenant_id, day, queued) VALUES ($1, $2, 1)
     ON CONFLICT (tenant_id, day) DO UPDATE SET queued = tallies.queued + 1`,
    [event.tenantid, event.time.slice(0, 10)],
  );

@Controller()
class PerMessageHandler {
  @EventPattern('contact.*', { queue: 'kpis' })
  async on(@Payload() event: CloudEvent, @Ctx() ctx: AmqpContext): Promise<void> {
    await inbox.apply(ctx.getQueue(), event, (manager) => tally(manager, event));
  }
}

@Controller()
class BatchedHandler {
  @OnEvent('contact.*', { queue: 'kpis' })
  async on(event: KnownCloudEvent<EventTypesMatching<'contact.*'>>, tx: EventTransaction): Promise<void> {
    await tally(tx.manager, event);
  }
}

async function main(): Promise<void> {
  const rows: [string, number][] = [];
  rows.push(['raw limit: deliveries acked, no database (prefetch 200)', await measure('raw', rawConsume)]);
  rows.push(['per message: one transaction and one ack each (prefetch 32)', await measure('per-message', (ns, db) => nestConsume(ns, db, PerMessageHandler))]);
  rows.push([`batched @OnEvent: one transaction and one multiple-ack per batch (≤ ${MAX_BATCH})`, await measure('batched', (ns, db) => nestConsume(ns, db, BatchedHandler))]);
  console.log(`\n${EVENTS.toLocaleString('en')} contact events through one consumer on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'cpu'}), node ${process.version}\n`);
  console.log('| consumer | events/s |\n| --- | ---: |');
  for (const [name, perSecond] of rows) console.log(`| ${name} | ${Math.round(perSecond).toLocaleString('en')} |`);
}

/** Preloads the backlog, then times `consume` until every event is applied. */
async function measure(mode: string, consume: (namespace: string, db: DataSource) => Promise<() => Promise<void>>): Promise<number> {
  const namespace = `bench-${mode}-${randomBytes(3).toString('hex')}`;
  const database = await benchDatabase();
  const db = await new DataSource({ type: 'postgres', url: database.url, extra: { max: 10 } }).initialize();
  try {
    await db.query(`CREATE SCHEMA ${SCHEMA}`);
    for (const sql of [...messagingTablesV1Sql(SCHEMA), ...messagingTablesV2Sql(SCHEMA)]) await db.query(sql);
    await db.query(`CREATE TABLE ${SCHEMA}.tallies (tenant_id text, day text, queued int, PRIMARY KEY (tenant_id, day))`);
    inbox = new Inbox(db, SCHEMA);
    const queue = await preload(namespace);
    console.log(`[bench] ${mode}: ${EVENTS} events waiting on ${queue}…`);
    const started = process.hrtime.bigint();
    const stop = await consume(namespace, db);
    await until(async () => (await applied(db, mode)) >= EVENTS);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await stop();
    await deleteNamespace(namespace, queue);
    return EVENTS / seconds;
  } finally {
    await db.destroy();
    await database.drop();
  }
}

let rawAcked = 0;
async function applied(db: DataSource, mode: string): Promise<number> {
  if (mode === 'raw') return rawAcked;
  return Number((await db.query(`SELECT coalesce(sum(queued), 0)::int AS n FROM ${SCHEMA}.tallies`))[0].n);
}

async function rawConsume(namespace: string): Promise<() => Promise<void>> {
  rawAcked = 0;
  const connection = await connect(AMQP_URL);
  const channel = await connection.createChannel();
  await channel.prefetch(200);
  await channel.consume(new MessagingNames(namespace).queue('quality', 'kpis'), (message) => {
    if (!message) return;
    JSON.parse(message.content.toString());
    rawAcked++;
    channel.ack(message);
  });
  return () => connection.close();
}

async function nestConsume(namespace: string, db: DataSource, handler: new () => object): Promise<() => Promise<void>> {
  const server = new AmqpServer({
    url: AMQP_URL,
    service: 'quality',
    namespace,
    defaultPurpose: 'kpis',
    maxBatch: MAX_BATCH,
    transactions: { inbox: new Inbox(db, SCHEMA), outbox: new Outbox(SCHEMA) },
  });
  const moduleRef = await Test.createTestingModule({ controllers: [handler] }).compile();
  const app: INestMicroservice = moduleRef.createNestMicroservice({ strategy: server, logger: ['error'] });
  app.useGlobalFilters(new EventHandlerErrorFilter());
  await app.listen();
  return () => app.close();
}

/** Declares the kpis queue and its binding, publishes the backlog with confirms; returns the queue. */
async function preload(namespace: string): Promise<string> {
  const names = new MessagingNames(namespace);
  const queue = names.queue('quality', 'kpis');
  const connection = await connect(AMQP_URL);
  try {
    const channel = await connection.createConfirmChannel();
    await channel.assertExchange(names.exchange, 'topic', { durable: true });
    await channel.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
    await channel.bindQueue(queue, names.exchange, 'contact.*');
    const runId = randomBytes(3).toString('hex');
    for (let n = 0; n < EVENTS; n++) {
      const event = newCloudEvent({
        type: 'contact.queued',
        source: '/bench',
        tenantId: `tenant-${n % 20}`,
        id: `${runId}-${n}`,
        data: { contactId: `c-${n}`, channel: 'voice', queue: 'billing', direction: 'inbound' },
      });
      channel.publish(names.exchange, event.type, Buffer.from(JSON.stringify(event)), { persistent: true, messageId: event.id, type: event.type });
      if (n % 1000 === 999) await channel.waitForConfirms();
    }
    await channel.waitForConfirms();
  } finally {
    await connection.close();
  }
  return queue;
}

async function deleteNamespace(namespace: string, queue: string): Promise<void> {
  const connection = await connect(AMQP_URL);
  try {
    const channel = await connection.createChannel();
    const names = new MessagingNames(namespace);
    for (const q of [queue, `${queue}.dead`, ...[1_000, 10_000, 60_000].map((ms) => names.retryQueue(queue, ms))]) await channel.deleteQueue(q);
    await channel.deleteExchange(names.exchange);
  } finally {
    await connection.close();
  }
}

async function until(done: () => Promise<boolean>): Promise<void> {
  while (!(await done())) await new Promise((resolve) => setTimeout(resolve, 20));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
