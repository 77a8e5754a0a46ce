// `npm run bench:quality`: quality's live KPIs and etiquette scoring under load, end to end through
// intake, each service built and run as a process of its own (dist/services/*), on a database and
// broker namespace of their own. Phases:
//   - steady, BENCH_SECONDS (default 60): BENCH_RATE events/s (default 2,000) posted to intake's
//     POST /v1/events in a batch every 50 ms, over BENCH_TENANTS tenants (default 5): each contact is
//     queued, answered and ended (three events). Measured: the delay from each event's acceptance
//     (intake's 202) to the transaction of quality's KPI consumer that counted it (its inbox row's
//     time), p50/p99/max, and the events counted per second;
//   - transcripts: BENCH_TRANSCRIPTS (default 2,000) transcripts of 40 segments posted at once;
//     the time until all are scored gives transcripts scored per second;
//   - alerts: BENCH_ALERT_ROUNDS rounds (default 20), each a fresh queue of a tenant with a service-level
//     rule (under 80 % within 30 s over a minute, at least 10 offered): 9 contacts answered in time,
//     then 10 abandoned after 33 s in one post; the delay from that post's acceptance (the condition
//     true) to the queue's `alert.raised` on the tenant's SSE stream (GET /v1/alerts/stream);
//   - quality's peak RSS (VmHWM) over the run.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { ChildProcess } from 'node:child_process';
import { connect } from 'amqplib';
import { DataSource } from 'typeorm';
import { deadLetterQueueName, SUBSCRIPTIONS } from '@hotline/contracts';
import { DEFAULT_RETRY_DELAYS_MS, MessagingNames } from '@hotline/messaging';
import { signDevToken } from '@hotline/platform';
import { AMQP_URL, benchDatabase, percentile } from './bench-env';
import { freePort, peakRssMb, startService, stopProcess, until } from './bench-process';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const RATE = Number(process.env.BENCH_RATE ?? 2_000);
const TENANTS = Number(process.env.BENCH_TENANTS ?? 5);
const TRANSCRIPTS = Number(process.env.BENCH_TRANSCRIPTS ?? 2_000);
const ALERT_ROUNDS = Number(process.env.BENCH_ALERT_ROUNDS ?? 20);
const TICK_MS = 50;
const MAX_IN_FLIGHT = 16;

interface Accepted {
  /** Event id → when intake accepted it (epoch ms). */
  at: Map<string, number>;
  refused: number;
}

async function main(): Promise<void> {
  const db = await benchDatabase();
  const namespace = `bench-quality-${randomBytes(3).toString('hex')}`;
  const jwtSecret = `bench-secret-${namespace}`;
  const env = {
    ...process.env,
    DATABASE_URL: db.url,
    AMQP_URL,
    HOTLINE_NAMESPACE: namespace,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    JWT_SECRET: jwtSecret,
    HOTLINE_CREDENTIALS_KEY: randomBytes(32).toString('base64'),
    INTAKE_RATE_LIMIT_EVENTS_PER_SECOND: '10000000',
  };
  let intake: ChildProcess | undefined;
  let quality: ChildProcess | undefined;
  let ds: DataSource | undefined;
  try {
    const intakePort = await freePort();
    const qualityPort = await freePort();
    intake = await startService('intake', env, intakePort);
    quality = await startService('quality', env, qualityPort);
    ds = await new DataSource({ type: 'postgres', url: db.url, extra: { max: 2 } }).initialize();
    const keys = await Promise.all(Array.from({ length: TENANTS }, (_, t) => createKey(intakePort, jwtSecret, `t${t}`)));
    const post = poster(intakePort);

    const loadBefore = os.loadavg()[0];
    log(`steady: ${RATE} events/s for ${SECONDS} s over ${TENANTS} tenants…`);
    const steady = await steadyLoad(post, keys);
    const loadAfter = os.loadavg()[0];
    const counted = await countedAt(ds, 'kpis', steady.at.size);
    const delays = [...steady.at].flatMap(([id, at]) => (counted.has(id) ? [(counted.get(id) as number) - at] : [])).sort((a, b) => a - b);
    const countedTimes = [...counted.values()];
    const countedSpan = (Math.max(...countedTimes) - Math.min(...countedTimes)) / 1000;

    log(`transcripts: ${TRANSCRIPTS} at once…`);
    const scoring = await transcriptBurst(post, keys, ds);

    log(`alerts: ${ALERT_ROUNDS} service-level slips…`);
    const alerts = (await alertDelays(post, intakePort, qualityPort, jwtSecret)).sort((a, b) => a - b);

    const rows: [string, string, string][] = [
      ['events accepted by intake', fmt(steady.at.size), `${fmt(steady.at.size / SECONDS)} /s offered; refused: ${steady.refused}`],
      ['events counted by quality /s', fmt(counted.size / countedSpan), `${fmt(counted.size)} of ${fmt(steady.at.size)} counted`],
      ['acceptance → KPI p50 / p99 / max', `${ms(delays, 50)} / ${ms(delays, 99)}`, `max ${ms(delays, 100)}`],
      ['transcripts scored /s', fmt(scoring.perSecond), `${fmt(TRANSCRIPTS)} transcripts of 40 segments, posted at once`],
      ['condition true → alert on SSE p50 / p99', `${ms(alerts, 50)} / ${ms(alerts, 99)}`, `${alerts.length} of ${ALERT_ROUNDS} slips paged; max ${ms(alerts, 100)}`],
      ["quality's peak RSS", `${Math.round(peakRssMb(quality.pid))} MB`, 'VmHWM, built service (dist)'],
    ];
    console.log(`\n${os.cpus().length} CPUs, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)}\n`);
    console.log('| measure | value | notes |\n| --- | ---: | --- |');
    for (const [measure, value, notes] of rows) console.log(`| ${measure} | ${value} | ${notes} |`);
  } finally {
    await stopProcess(intake);
    await stopProcess(quality);
    await ds?.destroy();
    await deleteNamespace(new MessagingNames(namespace));
    await db.drop();
  }
}

/** An event as a platform posts it to intake. */
type PostedEvent = { id: string } & Record<string, unknown>;

type Post = (key: string, events: PostedEvent[]) => Promise<boolean>;

function poster(port: number): Post {
  return async (key, events) => {
    const res = await fetch(`http://127.0.0.1:${port}/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events }),
    });
    await res.arrayBuffer();
    return res.status === 202;
  };
}

/** Posts a batch every tick, as many as the rate asks, keeping at most MAX_IN_FLIGHT requests open. */
async function steadyLoad(post: Post, keys: readonly string[]): Promise<Accepted> {
  const accepted: Accepted = { at: new Map(), refused: 0 };
  const inFlight = new Set<Promise<void>>();
  const perTick = Math.max(1, Math.ceil((RATE * TICK_MS) / 1000 / 3)); // contacts per tick, three events each: at least the rate
  const started = Date.now();
  let contact = 0;
  for (let tick = 0; Date.now() - started < SECONDS * 1000; tick++) {
    const tenant = tick % keys.length;
    const events = Array.from({ length: perTick }, () => contactEvents(`c${contact++}`)).flat();
    if (inFlight.size < MAX_IN_FLIGHT) {
      const work = post(keys[tenant], events).then((ok) => {
        const now = Date.now();
        if (ok) for (const e of events) accepted.at.set(e.id, now);
        else accepted.refused += events.length;
      });
      const tracked = work.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
    } else {
      accepted.refused += events.length; // intake could not keep up: counted as not offered
    }
    const next = started + (tick + 1) * TICK_MS;
    await new Promise((r) => setTimeout(r, Math.max(0, next - Date.now())));
  }
  await Promise.all(inFlight);
  return accepted;
}

/** A contact's life: queued, answered after 5–40 s, ended after a few minutes, timed in the recent past. */
function contactEvents(contactId: string): PostedEvent[] {
  const queuedAt = Date.now() - 300_000;
  const wait = 5_000 + ((contactId.length * 7919) % 35_000);
  const talk = 120_000;
  const base = { source: '/bench' };
  return [
    { ...base, id: `${contactId}-q`, type: 'contact.queued', time: iso(queuedAt), data: { contactId, channel: 'voice', queue: 'billing', direction: 'inbound' } },
    { ...base, id: `${contactId}-a`, type: 'contact.answered', time: iso(queuedAt + wait), data: { contactId, agentId: 'agent-1', queue: 'billing' } },
    { ...base, id: `${contactId}-e`, type: 'contact.ended', time: iso(queuedAt + wait + talk), data: { contactId, agentId: 'agent-1', talkSeconds: 110, holdSeconds: 10, afterContactWorkSeconds: 30 } },
  ];
}

/** When quality's consumer on `purpose` counted each event: its inbox row's time, once `expected` are there (or 2 min passed). */
async function countedAt(ds: DataSource, purpose: string, expected: number): Promise<Map<string, number>> {
  const inbox = `SELECT count(*)::int AS n FROM quality.inbox WHERE consumer LIKE '%quality.${purpose}'`;
  await until(async () => (await ds.query(inbox))[0].n >= expected, 120_000).catch(() => log(`not all ${expected} events counted within 2 min`));
  const rows: { event_id: string; at: string }[] = await ds.query(
    `SELECT event_id, (extract(epoch FROM processed_at) * 1000)::bigint AS at FROM quality.inbox WHERE consumer LIKE '%quality.${purpose}'`,
  );
  return new Map(rows.map((r) => [r.event_id, Number(r.at)]));
}

async function transcriptBurst(post: Post, keys: readonly string[], ds: DataSource): Promise<{ perSecond: number }> {
  const started = Date.now();
  const batches: Promise<boolean>[] = [];
  for (let i = 0; i < TRANSCRIPTS; i += 50) {
    const events = Array.from({ length: Math.min(50, TRANSCRIPTS - i) }, (_, j) => transcript(`t${i + j}`));
    batches.push(post(keys[(i / 50) % keys.length], events));
  }
  const ok = (await Promise.all(batches)).filter(Boolean).length;
  if (ok !== batches.length) log(`${batches.length - ok} transcript batches refused`);
  const scores = `SELECT count(*)::int AS n FROM quality.scores`;
  await until(async () => (await ds.query(scores))[0].n >= TRANSCRIPTS, 300_000).catch(() => log('not all transcripts scored within 5 min'));
  const scored = (await ds.query(scores))[0].n as number;
  return { perSecond: scored / ((Date.now() - started) / 1000) };
}

/**
 * Each round: a fresh queue of tenant `alerting` whose service level slips with one post; the delay
 * from that post's acceptance to its `alert.raised` on the tenant's SSE stream.
 */
async function alertDelays(post: Post, intakePort: number, qualityPort: number, jwtSecret: string): Promise<number[]> {
  const tenant = 'alerting';
  const key = await createKey(intakePort, jwtSecret, tenant);
  const token = await signDevToken({ tenant, roles: ['supervisor'], secret: jwtSecret });
  const rule = {
    severity: 'critical',
    condition: { kind: 'kpi-threshold', metric: 'serviceLevel', target: 0.8, windowSeconds: 60, minVolume: 10, scope: 'queue' },
    resolveAfterSeconds: 1,
    groupBy: ['queue'],
  };
  const put = await fetch(`http://127.0.0.1:${qualityPort}/v1/alert-rules/bench-slip`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(rule),
  });
  if (put.status !== 201) throw new Error(`putting the alert rule: ${put.status} ${await put.text()}`);
  const stream = await openAlertStream(qualityPort, token);
  const delays: number[] = [];
  try {
    for (let round = 0; round < ALERT_ROUNDS; round++) {
      const queue = `q${round}`;
      await post(key, slipContacts(`${queue}-in-time`, 9, 'answered', queue));
      await post(key, slipContacts(`${queue}-lost`, 10, 'abandoned', queue));
      const trueAt = Date.now();
      const raised = () => stream.frames.find((f) => f.event === 'alert.raised' && f.data.data?.scope === `queue:${queue}`);
      await until(() => Promise.resolve(raised() !== undefined), 30_000).catch(() => log(`no alert for ${queue} within 30 s`));
      const frame = raised();
      if (frame) delays.push(frame.at - trueAt);
    }
  } finally {
    stream.close();
  }
  return delays;
}

/** Contacts of one queue, queued 35 s ago: answered 5 s in, or abandoned after 33 s (over the 30 s standard). */
function slipContacts(prefix: string, n: number, outcome: 'answered' | 'abandoned', queue: string): PostedEvent[] {
  const queuedAt = Date.now() - 35_000;
  return Array.from({ length: n }, (_, i) => {
    const contactId = `${prefix}-${i}`;
    const at = (offset: number) => iso(queuedAt + offset);
    return [
      { id: `${contactId}-q`, source: '/bench', type: 'contact.queued', time: at(0), data: { contactId, channel: 'voice', queue, direction: 'inbound' } },
      outcome === 'answered'
        ? { id: `${contactId}-a`, source: '/bench', type: 'contact.answered', time: at(5_000), data: { contactId, agentId: 'agent-1', queue } }
        : { id: `${contactId}-x`, source: '/bench', type: 'contact.abandoned', time: at(33_000), data: { contactId, queue } },
    ];
  }).flat();
}

interface StreamFrame {
  event: string;
  data: { data?: { scope?: string } };
  /** When the frame arrived (epoch ms). */
  at: number;
}

/** A tenant's alert stream, read as it arrives: each frame with its arrival time. */
async function openAlertStream(port: number, token: string): Promise<{ frames: StreamFrame[]; close(): void }> {
  const controller = new AbortController();
  const res = await fetch(`http://127.0.0.1:${port}/v1/alerts/stream`, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  if (res.status !== 200 || !res.body) throw new Error(`opening the alert stream: ${res.status}`);
  const frames: StreamFrame[] = [];
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const lines = buffer.slice(0, end).split('\n');
        buffer = buffer.slice(end + 2);
        const event = lines.find((l) => l.startsWith('event:'))?.slice(6).trim();
        const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
        if (event && data) frames.push({ event, data: JSON.parse(data), at: Date.now() });
      }
    }
  })().catch(() => undefined);
  return { frames, close: () => controller.abort() };
}

const LINES = {
  agent: ['您好，我是客服代表，工号1024，很高兴为您服务。', '请问还有什么可以帮您？', 'Thank you for calling, my name is Alex.', '好的，我马上为您查询。'],
  customer: ['我的宽带从昨天开始就上不了网。', 'My bill is wrong this month.', '好的，谢谢。', 'Can you check it now?'],
};

function transcript(contactId: string): PostedEvent {
  const segments = Array.from({ length: 40 }, (_, i) => {
    const role = i % 2 === 0 ? 'agent' : 'customer';
    return { role, text: LINES[role][i % 4], beginOffsetMs: i * 4_000, endOffsetMs: i * 4_000 + 3_500 };
  });
  return { id: `${contactId}-tr`, source: '/bench', type: 'transcript.recorded', time: iso(Date.now() - 60_000), data: { contactId, language: 'zh', segments } };
}

/** A key for a tenant from intake's admin API, as the platform operator. */
async function createKey(port: number, jwtSecret: string, tenant: string): Promise<string> {
  const operator = await signDevToken({ tenant: '*', roles: ['admin'], secret: jwtSecret });
  const res = await fetch(`http://127.0.0.1:${port}/v1/admin/tenants/${tenant}/api-keys`, {
    method: 'POST',
    headers: { authorization: `Bearer ${operator}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'bench' }),
  });
  if (res.status !== 201) throw new Error(`creating ${tenant}'s API key: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { key: string }).key;
}

async function deleteNamespace(names: MessagingNames): Promise<void> {
  const connection = await connect(AMQP_URL);
  const channel = await connection.createChannel();
  for (const { service, purpose } of SUBSCRIPTIONS) {
    const queue = names.queue(service, purpose);
    for (const q of [queue, deadLetterQueueName(queue), ...DEFAULT_RETRY_DELAYS_MS.map((delay) => names.retryQueue(queue, delay))]) await channel.deleteQueue(q);
  }
  await channel.deleteExchange(names.exchange);
  await connection.close();
}

const iso = (ms: number) => new Date(ms).toISOString();
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
