// `npm run bench:intake`: intake's throughput and latency on this machine, next to the raw limit
// measured in the same run. Runs the built intake (dist/services/intake) as its own process, on a
// database and broker namespace of its own, and deletes them afterwards.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { connect } from 'amqplib';
import { Client } from 'pg';
import { deadLetterQueueName, EVENTS_EXCHANGE, queueName, SUBSCRIPTIONS, withNamespace } from '@hotline/contracts';
import { signDevToken } from '@hotline/platform';
import { AMQP_URL, benchDatabase, contactQueued } from './bench-env';
import { measureRawLimit } from './raw-limit';

const root = path.resolve(__dirname, '../..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3901);
const BATCH = 500;
const DRAIN_ROWS = 100_000;

async function main(): Promise<void> {
  const db = await benchDatabase();
  const namespace = `bench-${randomBytes(3).toString('hex')}`;
  const env = {
    ...process.env,
    PORT: String(PORT),
    DATABASE_URL: db.url,
    HOTLINE_NAMESPACE: namespace,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    JWT_SECRET: `bench-secret-${namespace}`,
    // Production refuses to start without one.
    HOTLINE_CREDENTIALS_KEY: randomBytes(32).toString('base64'),
    INTAKE_RATE_LIMIT_EVENTS_PER_SECOND: '10000000',
  };
  let intake = await startIntake(env);
  const rows: [string, string, string][] = [];
  try {
    const key = await createKey(env.JWT_SECRET);
    const runId = randomBytes(3).toString('hex');
    let n = 0;

    log(`batches of ${BATCH} for ${SECONDS} s…`);
    const batches = await load({ key, connections: 4, body: () => JSON.stringify({ events: Array.from({ length: BATCH }, () => contactQueued(n++, runId)) }) });
    const batchEventsPerSecond = (batches.requests.total * BATCH) / batches.duration;
    // The relay is still publishing the batches' backlog: let it finish, so it doesn't load the next phase.
    await waitForEmptyOutbox(db.url);
    await purgeNamespace(namespace);

    log(`single events for ${SECONDS} s…`);
    const singles = await load({ key, connections: 32, body: () => JSON.stringify(contactQueued(n++, runId)) });
    await waitForEmptyOutbox(db.url);
    await purgeNamespace(namespace);

    log(`relay drain of ${DRAIN_ROWS} outbox rows…`);
    await stop(intake);
    await fillOutbox(db.url, DRAIN_ROWS, runId);
    const drainStarted = Date.now();
    intake = await startIntake(env);
    await waitForEmptyOutbox(db.url);
    const drainPerSecond = DRAIN_ROWS / ((Date.now() - drainStarted) / 1000);
    await stop(intake);

    log(`raw limit (pg batched inserts + confirmed publishes, no Nest/HTTP) for ${SECONDS} s…`);
    const raw = await measureRawLimit({
      databaseUrl: db.url,
      amqpUrl: AMQP_URL,
      exchange: withNamespace(`${EVENTS_EXCHANGE}.raw`, namespace),
      batchSize: BATCH,
      workers: 4,
      seconds: SECONDS,
    });

    rows.push(
      ['accepted events/s, batches of 500 (4 connections)', fmt(batchEventsPerSecond), `${pct(batchEventsPerSecond / raw)} of raw`],
      ['single-event requests/s (32 connections)', fmt(singles.requests.average), `p50 ${singles.latency.p50} ms, p99 ${singles.latency.p99} ms`],
      ['relay drain, events/s (outbox → RabbitMQ, confirmed)', fmt(drainPerSecond), `${fmt(DRAIN_ROWS)} rows`],
      ['raw limit, events/s (same events, pg + confirms, no Nest/HTTP)', fmt(raw), '4 workers, batches of 500'],
    );
    const errors = batches.non2xx + batches.errors + singles.non2xx + singles.errors;
    console.log(`\n${os.cpus().length} CPUs, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${SECONDS} s per phase, non-2xx/errors: ${errors}\n`);
    console.log('| measure | value | notes |\n| --- | ---: | --- |');
    for (const [measure, value, notes] of rows) console.log(`| ${measure} | ${value} | ${notes} |`);
  } finally {
    await stop(intake);
    await deleteNamespace(namespace);
    await db.drop();
  }
}

function load({ key, connections, body }: { key: string; connections: number; body: () => string }): Promise<autocannon.Result> {
  return autocannon({
    url: `http://127.0.0.1:${PORT}/v1/events`,
    method: 'POST',
    connections,
    duration: SECONDS,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    requests: [{ setupRequest: (req) => ({ ...req, body: body() }) }],
  });
}

async function startIntake(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  // BENCH_PROFILE_DIR=/tmp/prof writes a V8 CPU profile of intake there (open it in Chrome DevTools).
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, path.join(root, 'dist/services/intake/main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error('intake exited during start');
    if (await fetch(`http://127.0.0.1:${PORT}/health`).then((r) => r.ok, () => false)) return child;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('intake did not become ready');
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

async function withClient<T>(url: string, work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A key for tenant bench from intake's admin API (intake owns its key table), as the platform operator. */
async function createKey(jwtSecret: string): Promise<string> {
  const operator = await signDevToken({ tenant: '*', roles: ['admin'], secret: jwtSecret });
  const res = await fetch(`http://127.0.0.1:${PORT}/v1/admin/tenants/bench/api-keys`, {
    method: 'POST',
    headers: { authorization: `Bearer ${operator}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'bench' }),
  });
  if (res.status !== 201) throw new Error(`creating the bench's API key: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { key: string }).key;
}

/** Puts rows straight into the outbox, as a backlog left by a broker outage would be. */
async function fillOutbox(url: string, count: number, runId: string): Promise<void> {
  const sample = { ...contactQueued(0, runId), specversion: '1.0', datacontenttype: 'application/json', dataversion: '1', tenantid: 'bench' };
  await withClient(url, (c) =>
    c.query(
      `INSERT INTO intake.outbox (event_id, tenant_id, type, payload)
       SELECT 'drain-' || g, 'bench', 'contact.queued', jsonb_set($1::jsonb, '{id}', to_jsonb('drain-' || g)) FROM generate_series(1, $2) g`,
      [JSON.stringify(sample), count],
    ),
  );
}

async function waitForEmptyOutbox(url: string): Promise<void> {
  for (;;) {
    const { rows } = await withClient(url, (c) => c.query('SELECT count(*)::int AS n FROM intake.outbox'));
    if (rows[0].n === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Empties the consumer queues (no consumer runs in this benchmark), as consumers would keep them. */
async function purgeNamespace(namespace: string): Promise<void> {
  const amqp = await connect(AMQP_URL);
  const channel = await amqp.createChannel();
  for (const { service, purpose } of SUBSCRIPTIONS) await channel.purgeQueue(withNamespace(queueName(service, purpose), namespace));
  await amqp.close();
}

async function deleteNamespace(namespace: string): Promise<void> {
  const amqp = await connect(AMQP_URL);
  const channel = await amqp.createChannel();
  for (const { service, purpose } of SUBSCRIPTIONS) {
    const queue = withNamespace(queueName(service, purpose), namespace);
    await channel.deleteQueue(queue);
    await channel.deleteQueue(deadLetterQueueName(queue));
  }
  await channel.deleteExchange(withNamespace(EVENTS_EXCHANGE, namespace));
  await amqp.close();
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const pct = (r: number) => `${Math.round(r * 100)} %`;
const log = (msg: string) => console.log(`[bench] ${msg}`);

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
