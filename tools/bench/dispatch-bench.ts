// `npm run bench:dispatch`: contacts' answer clocks through the real dispatch service, run as a process
// of its own as it ships (the build, dist/services/dispatch/main.js; BENCH_FROM_SOURCE=1 runs
// services/dispatch/src/main.ts under run-from-source.cjs instead, whose SWC compiler adds some 60 MB to
// its RSS), on a database and broker namespace of its own. Phases:
//   - backdrop: BENCH_OPEN (default 100,000) open clocks, rows and `sla.answer` timers due in an hour;
//   - steady, BENCH_SECONDS (default 60): BENCH_RATE contacts/s (default 2,000) `contact.queued` on the
//     bus over 20 tenants whose answer time is BENCH_ANSWER_SECONDS (default 10 s, a tightened tenant
//     standard); BENCH_ANSWERED of them (default 0.5) get `contact.answered` 3 s later, the rest breach.
//     Measured: contacts clocked per second and the consumer queue's backlog, the delay from each
//     deadline to its `sla.breached` arriving on the bus (p50/p99/max), breaches (timers fired) per second,
//     and where the machine's CPU went (dispatch, PostgreSQL, RabbitMQ, the bench: cpu-split.ts);
//     BENCH_OTHER_QUEUES says what becomes of quality's and security's copies (below, default none);
//   - burst: BENCH_BURST (default 20,000) backdrop deadlines moved to now; the time until all their
//     `sla.breached` are on the bus gives timers fired per second at full tilt (firing, outbox, relay);
//   - full tilt: BENCH_FULL_TILT (default 30,000) contacts, queued and answered, straight onto
//     dispatch's queue as fast as the broker confirms: dispatch's own clocking pace (dispatch-full-tilt.ts);
//   - dispatch's peak RSS (VmHWM), and its RSS sampled each second.
import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { connect, type ConfirmChannel } from 'amqplib';
import { DataSource } from 'typeorm';
import { type CloudEvent, deadLetterQueueName, newCloudEvent, SUBSCRIPTIONS } from '@hotline/contracts';
import { DEFAULT_RETRY_DELAYS_MS, MessagingNames } from '@hotline/messaging';
import { AMQP_URL, benchDatabase, percentile } from './bench-env';
import { freePort, peakRssMb, sampleRss, startService, stopProcess, until } from './bench-process';
import { type CpuShares, cpuSplit, describeShares } from './cpu-split';
import { fullTilt } from './dispatch-full-tilt';
import { sinkQueues } from './queue-sink';
import { type SteadyResult, steadyLoad } from './dispatch-steady';

const OPEN = Number(process.env.BENCH_OPEN ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const RATE = Number(process.env.BENCH_RATE ?? 2_000);
const ANSWERED = Number(process.env.BENCH_ANSWERED ?? 0.5);
const ANSWER_SECONDS = Number(process.env.BENCH_ANSWER_SECONDS ?? 10);
const BURST = Math.min(Number(process.env.BENCH_BURST ?? 20_000), OPEN);
const ANSWER_AFTER_MS = 3_000;
const CLOCK_DRAIN_MS = Number(process.env.BENCH_DRAIN_SECONDS ?? 300) * 1000;
const TENANTS = 20;
const FROM_SOURCE = process.env.BENCH_FROM_SOURCE === '1';
const FULL_TILT = Number(process.env.BENCH_FULL_TILT ?? 30_000);
// Quality's and security's queues (every contact event and breach is theirs too): `none` deletes them, so the
// broker serves dispatch alone, as it would on a broker with room to spare; `unread` leaves them filling
// as no one reads them; `read` has the bench read and ack them as those services would.
const OTHER_QUEUES = (process.env.BENCH_OTHER_QUEUES ?? 'none') as 'none' | 'unread' | 'read';
if (!['none', 'unread', 'read'].includes(OTHER_QUEUES)) throw new Error(`BENCH_OTHER_QUEUES must be none, unread or read, got ${OTHER_QUEUES}`);

async function main(): Promise<void> {
  const db = await benchDatabase();
  const namespace = `bench-dispatch-${randomBytes(3).toString('hex')}`;
  const names = new MessagingNames(namespace);
  let dispatch: ChildProcess | undefined;
  let dataSource: DataSource | undefined;
  const connection = await connect(AMQP_URL);
  try {
    const port = await freePort();
    dispatch = await startService(
      'dispatch',
      { ...process.env, DATABASE_URL: db.url, AMQP_URL, HOTLINE_NAMESPACE: namespace, LOG_LEVEL: 'warn', NODE_ENV: 'production', JWT_SECRET: `bench-secret-${namespace}` },
      port,
      { fromSource: FROM_SOURCE, logs: true },
    );
    const ds = await new DataSource({ type: 'postgres', url: db.url, extra: { max: 4 } }).initialize();
    dataSource = ds;
    const rss = sampleRss(dispatch.pid);
    const channel = await connection.createConfirmChannel();
    const verdicts = await tapBreaches(connection, names);
    // Dispatch declared every service's queues at start, as a publisher does.
    const otherServices = SUBSCRIPTIONS.filter(({ service }) => service !== 'dispatch').map(({ service, purpose }) => names.queue(service, purpose));
    if (OTHER_QUEUES === 'none') await deleteQueues(connection, otherServices);
    const sink = OTHER_QUEUES === 'read' ? await sinkQueues(connection, otherServices) : undefined;

    log(`tenant standards: answer within ${ANSWER_SECONDS} s for ${TENANTS} tenants…`);
    await confirmedPublish(channel, names.exchange)(Array.from({ length: TENANTS }, (_, t) => standardsFor(`t${t}`)));
    await until(async () => (await count(ds, `SELECT count(*)::int AS n FROM dispatch.tenant_standard_versions`)) >= TENANTS);

    log(`${OPEN.toLocaleString('en-US')} open clocks due in an hour…`);
    await backdrop(ds);

    const loadBefore = os.loadavg()[0];
    const depth = await connection.createChannel();
    const contactsQueueName = names.queue('dispatch', 'contacts');
    const clockedSoFar = async () => metricSum(await scrape(port), 'hotline_events_consumed_total', 'type="contact.queued"');
    log(`steady: ${RATE} contacts/s for ${SECONDS} s through the events exchange, ${Math.round(ANSWERED * 100)} % answered ${ANSWER_AFTER_MS / 1000} s in…`);
    const cpu = cpuSplit(dispatch.pid, 'dispatch');
    const result = await steadyLoad({
      prefix: 's',
      rate: RATE,
      seconds: SECONDS,
      tenants: TENANTS,
      answered: ANSWERED,
      answerAfterMs: ANSWER_AFTER_MS,
      send: confirmedPublish(channel, names.exchange),
      contactEvent,
      clockedSoFar,
      backlog: async () => (await depth.checkQueue(contactsQueueName)).messageCount,
      openTimers: () => count(ds, `SELECT n_live_tup AS n FROM pg_stat_user_tables WHERE schemaname = 'dispatch' AND relname = 'timers'`),
      drainMs: CLOCK_DRAIN_MS,
    });
    const shares = cpu.stop();
    // Every unanswered contact's breach, up to its deadline plus a margin.
    await until(() => Promise.resolve(verdicts.breaches('s').length >= result.unanswered), 60_000).catch(() => undefined);
    const steady = { result, shares, breaches: verdicts.breaches('s'), withdrawn: verdicts.withdrawn('s') };
    const loadAfter = os.loadavg()[0];
    await depth.close();

    log(`burst: ${BURST.toLocaleString('en-US')} deadlines moved to now…`);
    const burstStarted = Date.now();
    await ds.query(
      `WITH due AS (
         UPDATE dispatch.timers SET due_at = now(), fire_at = now()
         WHERE (tenant_id, kind, key) IN (SELECT tenant_id, kind, key FROM dispatch.timers WHERE key LIKE 'backdrop-%' ORDER BY key LIMIT $1)
         RETURNING tenant_id, key
       )
       UPDATE dispatch.contact_clocks c SET due_at = now() FROM due WHERE c.tenant_id = due.tenant_id AND c.contact_id = due.key`,
      [BURST],
    );
    await ds.query(`SELECT pg_notify('dispatch_timers', '')`);
    await until(() => Promise.resolve(verdicts.breaches('backdrop').length >= BURST), CLOCK_DRAIN_MS).catch(() => undefined);
    const burstSeconds = (Date.now() - burstStarted) / 1000;
    const burst = verdicts.breaches('backdrop');
    const burstDelays = burst.map((v) => v.delayMs).sort((a, b) => a - b);
    const open = await count(ds, `SELECT count(*)::int AS n FROM dispatch.timers`);

    log(`full tilt: ${FULL_TILT.toLocaleString('en-US')} contacts (queued, answered 3 s in) straight onto dispatch's queue…`);
    const tiltCpu = cpuSplit(dispatch.pid, 'dispatch');
    const tilt = await fullTilt({
      connection,
      queue: names.queue('dispatch', 'contacts'),
      contacts: FULL_TILT,
      eventsOf: (i) => {
        const time = Date.now() - ANSWER_AFTER_MS;
        return [contactEvent('contact.queued', `f-${i}`, `t${i % TENANTS}`, time), contactEvent('contact.answered', `f-${i}`, `t${i % TENANTS}`, time + ANSWER_AFTER_MS)];
      },
      clockedSoFar,
      drainMs: CLOCK_DRAIN_MS,
    });

    const tiltShares = tiltCpu.stop();
    const sunk = (await sink?.stop()) ?? 0;

    const metrics = await scrape(port);
    // The contacts queue's: dispatch's escalations queue takes its own breaches back, in batches of its own.
    const contactsQueue = `queue="${names.queue('dispatch', 'contacts')}"`;
    const batches = metricSum(metrics, 'hotline_event_batch_size_count', contactsQueue);
    const batchMean = metricSum(metrics, 'hotline_event_batch_size_sum', contactsQueue) / Math.max(1, batches);
    // A batch handler's time is its batch's (transaction included); per event, that over the batch's size.
    const batchMs = (1000 * metricSum(metrics, 'hotline_event_batch_seconds_sum', contactsQueue)) / Math.max(1, metricSum(metrics, 'hotline_event_batch_seconds_count', contactsQueue));
    const peakRss = peakRssMb(dispatch.pid);
    rss.stop();
    console.log(
      `\n${os.cpus().length} CPUs, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; dispatch as its own process (${FROM_SOURCE ? 'from source, SWC' : 'the build'}), one replica; ` +
        `${TENANTS} tenants, answer time ${ANSWER_SECONDS} s; load average ${loadBefore.toFixed(1)} before and ${loadAfter.toFixed(1)} after the steady phase\n`,
    );
    console.log('| measure | value | notes |\n| --- | ---: | --- |');
    const rows: [string, string, string][] = [
      ['open clocks (timers) during the steady phase', `${fmt(steady.result.openMin)}–${fmt(steady.result.openMax)}`, `sampled each second; ${fmt(open)} left after the burst`],
      ...steadyRows(steady),
      [
        'contacts clocked/s at full tilt',
        fmt(tilt.clockedPerSecond),
        `${fmt(tilt.contacts)} of ${fmt(FULL_TILT)} contacts (queued + answered) sent straight to dispatch's queue at ${fmt(tilt.sentPerSecond)}/s; backlog max ${fmt(tilt.backlogMax)}`,
      ],
      ['CPU, full tilt', describeShares(tiltShares, os.cpus().length), `over ${tiltShares.wallSeconds.toFixed(0)} s`],
      ['timers fired/s (burst)', fmt(burst.length / burstSeconds), `${fmt(BURST)} due at once, ${fmt(burst.length)} on the bus in ${burstSeconds.toFixed(1)} s (p50 ${ms(burstDelays, 50)}, p99 ${ms(burstDelays, 99)})`],
      [
        'contact batch time',
        `${batchMs.toFixed(1)} ms (${(batchMs / Math.max(1, batchMean)).toFixed(2)} ms a delivery)`,
        `dispatch's own histogram, transaction included; ${fmt(batches)} contact batches of ${batchMean.toFixed(1)} deliveries on average`,
      ],
      ["quality's and security's queues", OTHER_QUEUES, { none: 'deleted: the broker serves dispatch alone', unread: 'filling, read by no one', read: `read and acked by the bench as those services would: ${fmt(sunk)} deliveries` }[OTHER_QUEUES]],
      ['dispatch peak RSS', `${peakRss.toFixed(0)} MB`, `VmHWM; sampled RSS max ${rss.maxMb().toFixed(0)} MB`],
    ];
    for (const [measure, value, notes] of rows) console.log(`| ${measure} | ${value} | ${notes} |`);
  } finally {
    await stopProcess(dispatch);
    await dataSource?.destroy();
    await deleteNamespace(connection, names).catch(() => undefined);
    await connection.close();
    await db.drop();
  }
}

interface Breach {
  delayMs: number;
  at: number;
}

interface Verdicts {
  /** The breaches of contacts whose id starts with `prefix-` (`s`, `d`, `backdrop`), as they arrived. */
  breaches(prefix: string): Breach[];
  withdrawn(prefix: string): number;
}

/** Every `sla.breached` and `sla.withdrawn` on the namespace, breaches with the delay from their deadline to their arrival here. */
async function tapBreaches(connection: Awaited<ReturnType<typeof connect>>, names: MessagingNames): Promise<Verdicts> {
  const breaches = new Map<string, Breach[]>();
  const withdrawn = new Map<string, number>();
  const channel = await connection.createChannel();
  await channel.assertExchange(names.exchange, 'topic', { durable: true });
  const { queue } = await channel.assertQueue('', { exclusive: true });
  await channel.bindQueue(queue, names.exchange, 'sla.breached');
  await channel.bindQueue(queue, names.exchange, 'sla.withdrawn');
  await channel.consume(
    queue,
    (message) => {
      if (!message) return;
      const at = Date.now();
      const event = JSON.parse(message.content.toString()) as CloudEvent & { data: { subjectId: string; deadline: string } };
      const prefix = event.data.subjectId.slice(0, event.data.subjectId.indexOf('-'));
      if (message.fields.routingKey === 'sla.withdrawn') withdrawn.set(prefix, (withdrawn.get(prefix) ?? 0) + 1);
      else {
        const list = breaches.get(prefix) ?? [];
        breaches.set(prefix, list);
        list.push({ delayMs: at - Date.parse(event.data.deadline), at });
      }
    },
    { noAck: true },
  );
  return { breaches: (prefix) => breaches.get(prefix) ?? [], withdrawn: (prefix) => withdrawn.get(prefix) ?? 0 };
}

/** The steady phase's rows of the table. */
function steadyRows(
  { result, shares, breaches, withdrawn }: { result: SteadyResult; shares: CpuShares; breaches: Breach[]; withdrawn: number },
): [string, string, string][] {
  const delays = breaches.map((b) => b.delayMs).sort((a, b) => a - b);
  const firedSpan = (Math.max(...breaches.map((b) => b.at)) - Math.min(...breaches.map((b) => b.at))) / 1000;
  return [
    [
      'contacts clocked/s (steady)',
      fmt(result.clocked / result.clockedSeconds),
      `${fmt(result.clocked)} of ${fmt(result.sent)} contact.queued (+ ${fmt(result.answers)} contact.answered) offered at ${fmt(RATE)}/s (the bench managed ${fmt(result.sent / result.offeredSeconds)}/s), clocked in ${result.clockedSeconds.toFixed(0)} s; consumer backlog max ${fmt(result.backlogMax)}, ${fmt(result.backlogEnd)} at the end`,
    ],
    [
      'deadline → sla.breached on the bus (steady)',
      `p99 ${ms(delays, 99)}`,
      `p50 ${ms(delays, 50)}, max ${ms(delays, 100)}; ${fmt(delays.length)} breaches for ${fmt(result.unanswered)} never answered, ${fmt(withdrawn)} withdrawn (answers applied after their deadline fired)`,
    ],
    ['timers fired/s (steady)', fmt(delays.length / Math.max(1, firedSpan)), 'breaches published, as deadlines fall due'],
    ['CPU, steady phase', describeShares(shares, os.cpus().length), `of the machine's ${os.cpus().length} cores over ${shares.wallSeconds.toFixed(0)} s, from /proc`],
  ];
}

function contactEvent(type: 'contact.queued' | 'contact.answered', contactId: string, tenantId: string, time: number): CloudEvent {
  return type === 'contact.queued'
    ? newCloudEvent({ type, source: '/bench', tenantId, time: new Date(time), data: { contactId, channel: 'voice', queue: 'billing', direction: 'inbound' } })
    : newCloudEvent({ type, source: '/bench', tenantId, time: new Date(time), data: { contactId, agentId: 'agent-1' } });
}

function standardsFor(tenantId: string): CloudEvent {
  return newCloudEvent({
    type: 'standards.published',
    source: '/hotline/intake',
    tenantId,
    id: `standards.published:${tenantId}:1`,
    data: { version: '1', effectiveFrom: '2026-01-01T00:00:00Z', standards: { 'answer-time': { kind: 'deadline', seconds: ANSWER_SECONDS } } },
  });
}

/** Publishes each event to `exchange` under its type and resolves once the broker has confirmed them all. */
function confirmedPublish(channel: ConfirmChannel, exchange: string): (events: CloudEvent[]) => Promise<void> {
  return async (events) => {
    await Promise.all(
      events.map(
        (event) =>
          new Promise<void>((resolve, reject) => {
            const options = { persistent: true, contentType: 'application/cloudevents+json', messageId: event.id, type: event.type };
            channel.publish(exchange, event.type, Buffer.from(JSON.stringify(event)), options, (error) => (error ? reject(error) : resolve()));
          }),
      ),
    );
  };
}

/** Open clocks as dispatch keeps them: a row waiting, and its `sla.answer` timer, due in an hour. */
async function backdrop(db: DataSource): Promise<void> {
  await db.query(
    `INSERT INTO dispatch.contact_clocks (tenant_id, contact_id, queued_at, due_at, standard_id, standard_version, clause)
     SELECT 't' || (g % ${TENANTS}), 'backdrop-' || lpad(g::text, 7, '0'), now(), now() + interval '1 hour', 'answer-time', 't' || (g % ${TENANTS}) || ':1@1', '2.1'
     FROM generate_series(1, $1) g`,
    [OPEN],
  );
  await db.query(
    `INSERT INTO dispatch.timers (tenant_id, kind, key, due_at, fire_at, payload)
     SELECT tenant_id, 'sla.answer', contact_id, due_at, due_at, '{}' FROM dispatch.contact_clocks WHERE contact_id LIKE 'backdrop-%'`,
  );
  await db.query(`ANALYZE dispatch.contact_clocks`);
  await db.query(`ANALYZE dispatch.timers`);
}

async function deleteQueues(connection: Awaited<ReturnType<typeof connect>>, queues: readonly string[]): Promise<void> {
  const channel = await connection.createChannel();
  for (const queue of queues) await channel.deleteQueue(queue);
  await channel.close();
}

async function deleteNamespace(connection: Awaited<ReturnType<typeof connect>>, names: MessagingNames): Promise<void> {
  const queues = SUBSCRIPTIONS.map(({ service, purpose }) => names.queue(service, purpose));
  await deleteQueues(
    connection,
    queues.flatMap((queue) => [queue, deadLetterQueueName(queue), ...DEFAULT_RETRY_DELAYS_MS.map((ms) => names.retryQueue(queue, ms))]),
  );
  const channel = await connection.createChannel();
  await channel.deleteExchange(names.exchange);
  await channel.close();
}

async function scrape(port: number): Promise<string> {
  return (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
}

/** The sum of a metric's samples whose labels contain `labelMatch`. */
function metricSum(text: string, name: string, labelMatch: string): number {
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) && line.includes(labelMatch))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

async function count(db: DataSource, sql: string): Promise<number> {
  return Number((await db.query(sql))[0].n);
}

const fmt = (n: number) => Math.round(Number(n)).toLocaleString('en-US');
const ms = (sorted: number[], p: number) => (sorted.length === 0 ? 'n/a' : `${Math.round(percentile(sorted, p))} ms`);
const log = (msg: string) => console.log(`[bench] ${msg}`);

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
