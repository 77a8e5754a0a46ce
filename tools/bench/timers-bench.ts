// `npm run bench:timers`: durable timers (libs/timers) under Dispatch-like load on this machine.
// A runner process fires timers (timers-bench-runner.ts) while this process, on 16 connections,
// sets and cancels timers in transactions of BENCH_TX_OPS operations (default 10), as a consumer
// applying a batch of deliveries would (BENCH_TX_OPS=1: a transaction each). Steady phase, BENCH_SECONDS long (default 60):
//   - 100,000+ open timers throughout: a backdrop due in an hour, plus the timers in flight;
//   - each second 2,000 sets (new timers due 10 s later, like an answer clock) and 2,000 cancels
//     (half of the new timers, 5 s after they were set, as contacts answered in time; and 1,000
//     backdrop timers), so 1,000 timers a second fall due and fire;
//   - the delay from due time to firing is measured on the database clock from every firing.
// Then the restart case: the runner stops, 20,000 timers fall due, and the time a fresh runner
// takes to fire them all is measured. Uses a database of its own, dropped afterwards.
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { DurableTimers, durableTimersV1Sql } from '@hotline/timers';
import { benchDatabase, percentile } from './bench-env';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const SETS_PER_SECOND = 2_000;
const OPEN = 100_000;
const DUE_AFTER_MS = 10_000;
const CANCEL_AFTER_MS = 5_000;
const TICK_MS = 50;
/** Operations per transaction, as a consumer applying a batch of deliveries makes them (1: one each). */
const TX_OPS = Number(process.env.BENCH_TX_OPS ?? 10);
const WORKERS = 16;
const BACKLOG = 20_000;
const TENANTS = 20;
const schema = 'bench';

async function main(): Promise<void> {
  const db = await benchDatabase();
  // The load's connections, and two more for the sampler and the bench's own queries.
  const dataSource = await new DataSource({ type: 'postgres', url: db.url, extra: { max: WORKERS + 2 } }).initialize();
  let runner: ChildProcess | undefined;
  try {
    await dataSource.query(`CREATE SCHEMA ${schema}`);
    for (const sql of durableTimersV1Sql(schema)) await dataSource.query(sql);
    await dataSource.query(
      `CREATE TABLE ${schema}.fired (tenant_id text, key text, due_at timestamptz, late boolean, fired_at timestamptz NOT NULL DEFAULT clock_timestamp())`,
    );
    // The backdrop loses 1,000 timers a second to cancels: start with enough to stay above OPEN.
    const backdrop = OPEN + (SETS_PER_SECOND / 2) * SECONDS;
    log(`${backdrop.toLocaleString('en-US')} backdrop timers due in an hour…`);
    await dataSource.query(
      `INSERT INTO ${schema}.timers (tenant_id, kind, key, due_at, fire_at, payload)
       SELECT 't' || (g % ${TENANTS}), 'bench', 'backdrop-' || g, now() + interval '1 hour', now() + interval '1 hour', '{}' FROM generate_series(1, $1) g`,
      [backdrop],
    );
    await dataSource.query(`ANALYZE ${schema}.timers`);
    runner = await startRunner(db.url);

    // The machine may be shared: its load before and after says how far to trust the figures.
    const loadBefore = os.loadavg()[0];
    log(`steady load for ${SECONDS} s…`);
    const steady = await steadyLoad(dataSource, SECONDS);
    const loadAfter = os.loadavg()[0];
    // Timers due in the last second may still be firing; count only those due well before the end.
    const [fire] = await dataSource.query(
      `SELECT count(*)::int AS n, extract(epoch FROM max(fired_at) - min(fired_at))::float8 AS span, percentile_disc(0.5) WITHIN GROUP (ORDER BY d) AS p50, percentile_disc(0.99) WITHIN GROUP (ORDER BY d) AS p99, max(d) AS max
       FROM (SELECT fired_at, extract(epoch FROM fired_at - due_at) * 1000 AS d FROM ${schema}.fired) f`,
    );
    const [missed] = await dataSource.query(
      `SELECT count(*)::int AS n FROM ${schema}.timers WHERE key LIKE 'new-%' AND due_at < now() - interval '1 second'`,
    );

    log(`restart: runner stopped, ${BACKLOG.toLocaleString('en-US')} timers fall due, runner started…`);
    await stop(runner);
    // Only the backlog now: the steady phase's timers still in flight are not part of it.
    await dataSource.query(`TRUNCATE ${schema}.fired`);
    await dataSource.query(`DELETE FROM ${schema}.timers WHERE key LIKE 'new-%'`);
    await dataSource.query(
      `INSERT INTO ${schema}.timers (tenant_id, kind, key, due_at, fire_at, payload)
       SELECT 't' || (g % ${TENANTS}), 'bench', 'backlog-' || g, now() - interval '10 seconds', now() - interval '10 seconds', '{}' FROM generate_series(1, $1) g`,
      [BACKLOG],
    );
    const restarted = Date.now();
    runner = await startRunner(db.url);
    await waitFor(async () => Number((await dataSource.query(`SELECT count(*)::int AS n FROM ${schema}.fired`))[0].n) >= BACKLOG);
    const backlogSeconds = (Date.now() - restarted) / 1000;
    const [late] = await dataSource.query(`SELECT count(*) FILTER (WHERE late)::int AS late FROM ${schema}.fired`);

    const rate = (n: number) => fmt(n / steady.seconds);
    console.log(
      `\n${os.cpus().length} CPUs, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${SECONDS} s steady phase, ${TX_OPS === 1 ? 'a transaction per set or cancel' : `${TX_OPS} sets/cancels a transaction`}, one runner process (batches of 200, poll 1 s), load average ${loadBefore.toFixed(1)} before and ${loadAfter.toFixed(1)} after the steady phase\n`,
    );
    console.log('| measure | value | notes |\n| --- | ---: | --- |');
    const rows: [string, string, string][] = [
      ['open timers during the run', `${fmt(steady.openMin)}–${fmt(steady.openMax)}`, 'sampled each second'],
      ['sets/s', rate(steady.sets), `${TX_OPS === 1 ? 'each its own transaction' : `${TX_OPS} operations a transaction`}, ${WORKERS} connections`],
      ['cancels/s', rate(steady.cancels), `transaction latency from its tick: p50 ${ms(steady.txLatency, 50)}, p99 ${ms(steady.txLatency, 99)}`],
      ['fired/s', fmt(fire.n / Math.max(1, Number(fire.span))), `${fmt(fire.n)} fired; ${fmt(missed.n)} due > 1 s ago still unfired at the end`],
      ['delay from due to firing', `p99 ${fmtMs(fire.p99)}`, `p50 ${fmtMs(fire.p50)}, max ${fmtMs(fire.max)}`],
      ['restart backlog fired/s', fmt(BACKLOG / backlogSeconds), `${fmt(BACKLOG)} timers due while down, all in ${backlogSeconds.toFixed(1)} s, ${fmt(late.late)} flagged late`],
    ];
    for (const [measure, value, notes] of rows) console.log(`| ${measure} | ${value} | ${notes} |`);
  } finally {
    if (runner) await stop(runner);
    await dataSource.destroy();
    await db.drop();
  }
}

interface SteadyResult {
  seconds: number;
  sets: number;
  cancels: number;
  /** From when a transaction was due to start (its tick) to its commit, so queueing counts. */
  txLatency: number[];
  openMin: number;
  openMax: number;
}

type Op = { set: boolean; key: string };

/**
 * Sets and cancels on a fixed schedule (a tick every 50 ms), as a consumer applying deliveries in
 * transactions of TX_OPS events would: WORKERS connections take the ticks' transactions in order.
 */
async function steadyLoad(dataSource: DataSource, seconds: number): Promise<SteadyResult> {
  const timers = new DurableTimers(dataSource, { schema });
  const perTick = (SETS_PER_SECOND * TICK_MS) / 1000;
  const txLatency: number[] = [];
  const setByTick: string[][] = [];
  const queue: { due: number; ops: Op[] }[] = [];
  let sets = 0;
  let cancels = 0;
  let backdrop = 0;
  let n = 0;
  let producing = true;
  const open: number[] = [];
  const sampler = setInterval(() => {
    void dataSource.query(`SELECT count(*)::int AS n FROM ${schema}.timers`).then(([r]) => open.push(r.n));
  }, 1_000);

  const worker = async () => {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      while (producing || queue.length > 0) {
        const job = queue.shift();
        if (!job) {
          await new Promise((r) => setTimeout(r, 1));
          continue;
        }
        // One operation alone commits by itself, as a single statement does.
        const inTransaction = job.ops.length > 1;
        if (inTransaction) await runner.startTransaction();
        for (const op of job.ops) {
          const ref = { tenantId: tenantOf(op.key), kind: 'bench', key: op.key };
          if (op.set) await timers.set(runner.manager, { ...ref, dueAt: new Date(Date.now() + DUE_AFTER_MS), payload: { contactId: op.key } });
          else await timers.cancel(runner.manager, ref);
        }
        if (inTransaction) await runner.commitTransaction();
        txLatency.push(performance.now() - job.due);
        for (const op of job.ops) {
          if (op.set) sets++;
          else cancels++;
        }
      }
    } finally {
      await runner.release();
    }
  };
  const workers = Array.from({ length: WORKERS }, worker);

  const started = Date.now();
  const startedPerf = performance.now();
  const ticks = (seconds * 1000) / TICK_MS;
  for (let tick = 0; tick < ticks; tick++) {
    const wait = started + tick * TICK_MS - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const keys = Array.from({ length: perTick }, () => `new-${n++}`);
    setByTick.push(keys);
    // Half of what was set CANCEL_AFTER_MS ago is answered in time; the rest of the cancels hit the backdrop.
    const answered = setByTick[tick - CANCEL_AFTER_MS / TICK_MS] ?? [];
    const cancelKeys = answered.filter((_, i) => i % 2 === 0);
    while (cancelKeys.length < perTick) cancelKeys.push(`backdrop-${++backdrop}`);
    const ops: Op[] = [...keys.map((key) => ({ set: true, key })), ...cancelKeys.map((key) => ({ set: false, key }))];
    const due = startedPerf + tick * TICK_MS;
    for (let i = 0; i < ops.length; i += TX_OPS) queue.push({ due, ops: ops.slice(i, i + TX_OPS) });
  }
  producing = false;
  await Promise.all(workers);
  clearInterval(sampler);
  txLatency.sort((a, b) => a - b);
  return { seconds: (Date.now() - started) / 1000, sets, cancels, txLatency, openMin: Math.min(...open), openMax: Math.max(...open) };
}

/** Keys spread over the tenants; backdrop keys as generated in SQL ('t' || g % TENANTS). */
function tenantOf(key: string): string {
  const n = Number(key.slice(key.indexOf('-') + 1));
  return `t${n % TENANTS}`;
}

function startRunner(url: string): Promise<ChildProcess> {
  const child = fork(path.join(__dirname, 'timers-bench-runner.ts'), [], {
    env: { ...process.env, DATABASE_URL: url, BENCH_SCHEMA: schema, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`timers runner exited with ${code}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const fmt = (n: number) => Math.round(Number(n)).toLocaleString('en-US');
const fmtMs = (v: number | string | null) => (v === null ? 'n/a' : `${Math.round(Number(v))} ms`);
const ms = (sorted: number[], p: number) => `${percentile(sorted, p).toFixed(1)} ms`;
const log = (msg: string) => console.log(`[bench] ${msg}`);

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
