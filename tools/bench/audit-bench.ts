// `npm run bench:audit`: how many audit entries a second security appends to its tenants' hash
// chains, with the chains verified afterwards. Runs security from its sources as its own process
// (run-from-source.cjs), on a database and broker namespace of its own. Each phase preloads a
// backlog on security.audit while security is stopped (as the relays would publish it), starts it,
// and takes the drain rate from the entries' own recorded_at (each batch's transaction time), so
// neither publishing nor start-up is counted; then GET /v1/audit/verify is timed over the chains.
// BENCH_SECURITY_ROOT=<another checkout> runs that checkout's security instead, for a before/after.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { connect } from 'amqplib';
import { Client } from 'pg';
import { type CloudEvent, deadLetterQueueName, EVENTS_EXCHANGE, newCloudEvent, queueName, SUBSCRIPTIONS, withNamespace } from '@hotline/contracts';
import { MessagingNames } from '@hotline/messaging';
import { signDevToken } from '@hotline/platform';
import { AMQP_URL, benchDatabase } from './bench-env';

const root = path.resolve(__dirname, '../..');
const securityRoot = path.resolve(process.env.BENCH_SECURITY_ROOT ?? root);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
const TENANTS = Number(process.env.BENCH_TENANTS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3904);

async function main(): Promise<void> {
  const db = await benchDatabase();
  const namespace = `bench-${randomBytes(3).toString('hex')}`;
  const jwtSecret = `bench-secret-${namespace}`;
  const env = {
    ...process.env,
    PORT: String(PORT),
    DATABASE_URL: db.url,
    HOTLINE_NAMESPACE: namespace,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    JWT_SECRET: jwtSecret,
    AUDIT_ANCHOR_KEY: `bench-anchor-key-${randomBytes(16).toString('hex')}`,
  };
  let security = await startSecurity(env, namespace); // migrates and declares the queues
  const pg = new Client({ connectionString: db.url });
  await pg.connect();
  const appended: string[][] = [];
  const verified: string[][] = [];
  try {
    for (const [prefix, tenants] of [['one', 1], ['several', TENANTS]] as const) {
      await stop(security);
      log(`${prefix}: preloading ${fmt(EVENTS)} events over ${tenants} tenant(s) while security is stopped…`);
      await publish(namespace, backlog(prefix, tenants));
      security = await startSecurity(env, namespace);
      const perSecond = await drainRate(pg, prefix);
      const batches = batchTotals(await metrics()); // this process's batches only: it has just started
      appended.push([
        tenants === 1 ? '1 tenant' : `${tenants} tenants`,
        fmt(EVENTS),
        fmt(perSecond),
        fmt(perSecond / tenants),
        batches.count > 0 ? (batches.size / batches.count).toFixed(0) : '–',
        batches.count > 0 ? `${((batches.seconds / batches.count) * 1000).toFixed(0)} ms` : '–',
      ]);
    }
    for (const tenant of ['one-0', 'several-0']) verified.push(await timeVerify(tenant, jwtSecret));
  } finally {
    await pg.end();
    await stop(security);
    await deleteNamespace(namespace);
    await db.drop();
  }
  const cpus = os.cpus();
  const from = securityRoot === root ? '' : `, security from ${securityRoot}`;
  console.log(`\n${cpus.length} CPUs (${cpus[0]?.model ?? 'cpu'}), load average ${os.loadavg()[0].toFixed(1)}, Node ${process.version}${from}\n`);
  console.log('| tenants | entries | appended/s (all tenants) | appended/s per tenant | mean batch | mean batch time |\n| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const row of appended) console.log(`| ${row.join(' | ')} |`);
  console.log('\n| chain | entries | anchors | GET /v1/audit/verify | entries verified/s |\n| --- | ---: | ---: | ---: | ---: |');
  for (const row of verified) console.log(`| ${row.join(' | ')} |`);
}

/** EVENTS agent events spread round-robin over `tenants` tenants. */
function backlog(prefix: string, tenants: number): CloudEvent[] {
  return Array.from({ length: EVENTS }, (_, n) =>
    newCloudEvent({
      type: 'contact.answered',
      source: '/bench',
      tenantId: `${prefix}-${n % tenants}`,
      data: { contactId: `C-${n}`, agentId: `A-${n % 50}`, queue: 'billing' },
    }),
  );
}

/**
 * Waits until the backlog is in the chains, then rates it from recorded_at (each batch's
 * transaction start): the entries after the first batch's and before the last's, over the time
 * between those two batches.
 */
async function drainRate(pg: Client, prefix: string): Promise<number> {
  const tenants = `${prefix}-%`;
  await until(async () => Number((await pg.query(`SELECT count(*) AS n FROM security.audit_entries WHERE tenant_id LIKE $1`, [tenants])).rows[0].n) >= EVENTS);
  const { rows } = await pg.query(
    `WITH span AS (SELECT min(recorded_at) AS first, max(recorded_at) AS last FROM security.audit_entries WHERE tenant_id LIKE $1)
     SELECT extract(epoch FROM span.last - span.first) AS seconds, count(*) FILTER (WHERE e.recorded_at > span.first AND e.recorded_at < span.last) AS between
     FROM security.audit_entries e, span WHERE e.tenant_id LIKE $1 GROUP BY span.first, span.last`,
    [tenants],
  );
  // The first batch's entries were appended before its recorded_at; the last batch's after.
  const firstBatch = await pg.query(`SELECT count(*) AS n FROM security.audit_entries WHERE tenant_id LIKE $1 AND recorded_at = (SELECT min(recorded_at) FROM security.audit_entries WHERE tenant_id LIKE $1)`, [tenants]);
  return (Number(rows[0].between) + Number(firstBatch.rows[0].n)) / Number(rows[0].seconds);
}

async function timeVerify(tenant: string, secret: string): Promise<string[]> {
  const token = await signDevToken({ tenant, roles: ['security'], secret });
  const started = process.hrtime.bigint();
  const response = await fetch(`http://127.0.0.1:${PORT}/v1/audit/verify`, { headers: { authorization: `Bearer ${token}` } });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const verdict = (await response.json()) as { intact: boolean; entries: number; anchors?: number };
  if (!verdict.intact) throw new Error(`${tenant}'s chain does not verify: ${JSON.stringify(verdict)}`);
  return [tenant, fmt(verdict.entries), verdict.anchors === undefined ? '–' : fmt(verdict.anchors), `${fmt(ms)} ms`, fmt(verdict.entries / (ms / 1000))];
}

async function metrics(): Promise<string> {
  return (await fetch(`http://127.0.0.1:${PORT}/metrics`)).text();
}

/** The audit queue's batches so far in this process: how many, their deliveries and seconds. */
function batchTotals(text: string): { count: number; size: number; seconds: number } {
  const value = (name: string) => {
    const line = text.split('\n').find((l) => l.startsWith(name) && l.includes('security.audit'));
    return line ? Number(line.split(' ').at(-1)) : 0;
  };
  return { count: value('hotline_event_batch_size_count'), size: value('hotline_event_batch_size_sum'), seconds: value('hotline_event_batch_seconds_sum') };
}

/** Publishes onto the namespace's exchange as a relay would, with confirms. */
async function publish(namespace: string, events: CloudEvent[]): Promise<void> {
  const connection = await connect(AMQP_URL);
  try {
    const channel = await connection.createConfirmChannel();
    const exchange = withNamespace(EVENTS_EXCHANGE, namespace);
    for (const [n, event] of events.entries()) {
      channel.publish(exchange, event.type, Buffer.from(JSON.stringify(event)), {
        persistent: true,
        contentType: 'application/cloudevents+json',
        messageId: event.id,
        type: event.type,
      });
      if (n % 1000 === 999) await channel.waitForConfirms();
    }
    await channel.waitForConfirms();
  } finally {
    await connection.close();
  }
}

/** Starts security and waits until it answers /health and consumes security.audit. */
async function startSecurity(env: NodeJS.ProcessEnv, namespace: string): Promise<ChildProcess> {
  // BENCH_PROFILE_DIR=/tmp/prof writes a V8 CPU profile of security there (open it in Chrome DevTools).
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, '-r', path.join(__dirname, 'run-from-source.cjs'), path.join(securityRoot, 'services/security/src/main.ts')], {
    env,
    cwd: securityRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const queue = new MessagingNames(namespace).queue('security', 'audit');
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`security exited with ${child.exitCode}`);
    if ((await fetch(`http://127.0.0.1:${PORT}/health`).then((r) => r.ok, () => false)) && (await consumers(queue)) > 0) return child;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGTERM');
  throw new Error('security did not become ready');
}

async function consumers(queue: string): Promise<number> {
  const connection = await connect(AMQP_URL);
  try {
    const channel = await connection.createChannel();
    channel.on('error', () => undefined); // a queue not declared yet closes the channel
    return (await channel.checkQueue(queue)).consumerCount;
  } catch {
    return 0;
  } finally {
    await connection.close().catch(() => undefined);
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function deleteNamespace(namespace: string): Promise<void> {
  const names = new MessagingNames(namespace);
  const subscribed = SUBSCRIPTIONS.map(({ service, purpose }) => withNamespace(queueName(service, purpose), namespace));
  const delays = subscribed.flatMap((queue) => [1_000, 10_000, 60_000].map((ms) => names.retryQueue(queue, ms)));
  const connection = await connect(AMQP_URL);
  try {
    for (const queue of [...subscribed, ...subscribed.map(deadLetterQueueName), ...delays]) {
      const channel = await connection.createChannel();
      channel.on('error', () => undefined); // deleting a queue that was never declared is fine
      await channel.deleteQueue(queue).catch(() => undefined);
      await channel.close().catch(() => undefined);
    }
    await (await connection.createChannel()).deleteExchange(names.exchange);
  } finally {
    await connection.close();
  }
}

async function until(done: () => Promise<boolean>): Promise<void> {
  while (!(await done())) await new Promise((resolve) => setTimeout(resolve, 50));
}

const fmt = (n: number) => Math.round(n).toLocaleString('en');
const log = (message: string) => console.log(`[bench] ${message}`);

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
