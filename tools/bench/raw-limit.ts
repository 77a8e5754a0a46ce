import { connect } from 'amqplib';
import { Pool } from 'pg';
import { contactQueued } from './bench-env';

/**
 * What this machine can do without Nest or HTTP: the same events in batches of `batchSize`,
 * inserted into a table like intake's (events + outbox rows, one transaction) and published with
 * publisher confirms, by `workers` concurrent loops for `seconds`. Returns events per second.
 */
export async function measureRawLimit(options: {
  databaseUrl: string;
  amqpUrl: string;
  exchange: string;
  batchSize: number;
  workers: number;
  seconds: number;
}): Promise<number> {
  const pool = new Pool({ connectionString: options.databaseUrl, max: options.workers });
  await pool.query(`CREATE SCHEMA IF NOT EXISTS raw;
    CREATE TABLE IF NOT EXISTS raw.events (tenant_id text, event_id text, type text, source text, occurred_at timestamptz, payload jsonb, PRIMARY KEY (tenant_id, event_id));
    CREATE TABLE IF NOT EXISTS raw.outbox (id bigserial PRIMARY KEY, event_id text, tenant_id text, type text, payload jsonb)`);
  const amqp = await connect(options.amqpUrl);
  const channel = await amqp.createConfirmChannel();
  await channel.assertExchange(options.exchange, 'topic', { durable: true });
  // As in Hotline, a contact event lands in two durable quorum queues (quality's and security's).
  const queues = [`${options.exchange}.raw-kpis`, `${options.exchange}.raw-audit`];
  for (const queue of queues) {
    await channel.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
    await channel.bindQueue(queue, options.exchange, '#');
  }
  const deadline = Date.now() + options.seconds * 1000;
  let events = 0;
  let n = 0;

  const worker = async () => {
    while (Date.now() < deadline) {
      const batch = Array.from({ length: options.batchSize }, () => ({ ...contactQueued(n++, 'raw'), tenantid: 'bench' }));
      const payloads = batch.map((e) => JSON.stringify(e));
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(
          `INSERT INTO raw.events SELECT 'bench', * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::jsonb[]) ON CONFLICT DO NOTHING`,
          [batch.map((e) => e.id), batch.map((e) => e.type), batch.map((e) => e.source), batch.map((e) => e.time), payloads],
        );
        await client.query(
          `INSERT INTO raw.outbox (event_id, tenant_id, type, payload) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[])`,
          [batch.map((e) => e.id), batch.map(() => 'bench'), batch.map((e) => e.type), payloads],
        );
        await client.query('COMMIT');
      } finally {
        client.release();
      }
      for (const [i, e] of batch.entries()) {
        channel.publish(options.exchange, e.type, Buffer.from(payloads[i]), { persistent: true, messageId: e.id });
      }
      await channel.waitForConfirms();
      events += batch.length;
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: options.workers }, worker));
  const rate = events / ((Date.now() - started) / 1000);
  for (const queue of queues) await channel.deleteQueue(queue);
  await channel.deleteExchange(options.exchange).catch(() => undefined);
  await amqp.close();
  await pool.query('DROP SCHEMA raw CASCADE');
  await pool.end();
  return rate;
}
