// The service side of `npm run bench:timers`: a process that only fires timers, as a replica of a
// service would, so the load generator does not share its event loop. Each firing writes one row
// (the kind of effect a real handler commits), stamped with the database clock when it ran.
import { DataSource } from 'typeorm';
import { DurableTimers } from '@hotline/timers';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  const schema = process.env.BENCH_SCHEMA ?? 'bench';
  if (!url) throw new Error('DATABASE_URL is required');
  const dataSource = await new DataSource({ type: 'postgres', url, extra: { max: 4 } }).initialize();
  const timers = new DurableTimers(dataSource, { schema, lateAfterMs: 1_000 });
  timers.handle('bench', async (manager, timer) => {
    await manager.query(`INSERT INTO "${schema}".fired (tenant_id, key, due_at, late) VALUES ($1, $2, $3, $4)`, [
      timer.tenantId,
      timer.key,
      timer.dueAt,
      timer.late,
    ]);
  });
  await timers.start();
  process.send?.('ready');
  const stop = async () => {
    await timers.stop();
    await dataSource.destroy();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
