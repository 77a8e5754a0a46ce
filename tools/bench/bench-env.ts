import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const BASE_DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hotline';
export const AMQP_URL = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

/** A fresh database for one benchmark run, dropped at the end. */
export async function benchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `hotline_bench_${randomBytes(3).toString('hex')}`;
  const admin = new URL(BASE_DATABASE_URL);
  admin.pathname = '/postgres';
  const run = async (sql: string) => {
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE "${name}"`);
  const url = new URL(BASE_DATABASE_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/** A contact.queued event as a platform would post it; ids unique within the run. */
export function contactQueued(n: number, runId: string) {
  return {
    id: `${runId}-${n}`,
    source: '/bench',
    type: 'contact.queued',
    time: new Date().toISOString(),
    data: { contactId: `c-${runId}-${n}`, channel: 'voice', queue: 'billing', direction: 'inbound', region: 'beijing' },
  };
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
