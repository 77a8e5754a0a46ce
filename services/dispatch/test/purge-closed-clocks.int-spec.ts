import type { DataSource } from 'typeorm';
import { type MigratedDataSource, migratedDataSource } from '@hotline/testing';
import { DurableTimers, durableTimersMigration, ManualClock } from '@hotline/timers';
import { closedClocksPurged } from '../src/contacts/clock-retention-metrics';
import { ContactClocksRepository } from '../src/contacts/contact-clocks.repository';
import type { ClockRetention } from '../src/contacts/domain/clock-retention';
import { CLOCK_RETENTION_TIMER, PurgeClosedClocks } from '../src/contacts/use-cases/purge-closed-clocks';
import { CreateDispatchSchema1764028800000 } from '../src/database/migrations/1764028800000-create-dispatch-schema';
import { CreateContactClocks1796000200000 } from '../src/database/migrations/1796000200000-create-contact-clocks';
import { ContactClockClosedAt1797000200000 } from '../src/database/migrations/1797000200000-contact-clock-closed-at';

/** A small batch, so one backlog takes several runs. */
const retention: ClockRetention = { retentionMs: 3_600_000, batchSize: 2, intervalMs: 600_000 };

/** The retention job's batches and its timer, on real PostgreSQL with an injected clock. */
describe('dispatch: purging closed answer clocks in batches (real PostgreSQL, durable timers)', () => {
  let database: MigratedDataSource;
  let dataSource: DataSource;
  let timers: DurableTimers;
  const clock = new ManualClock(new Date());

  beforeAll(async () => {
    database = await migratedDataSource({
      schema: 'dispatch',
      entities: [],
      migrations: [CreateDispatchSchema1764028800000, durableTimersMigration('dispatch'), CreateContactClocks1796000200000, ContactClockClosedAt1797000200000],
    });
    dataSource = database.dataSource;
    timers = new DurableTimers(dataSource, { schema: 'dispatch' });
    const purge = new PurgeClosedClocks(new ContactClocksRepository(dataSource), timers, retention, clock);
    timers.handle(CLOCK_RETENTION_TIMER.kind, async (manager) => {
      await purge.execute(manager);
    });
  });

  afterAll(() => database?.close());

  const insert = (tenantId: string, contactId: string, stoppedBy: string | null, ageMinutes: number) =>
    dataSource.query(
      `INSERT INTO dispatch.contact_clocks (tenant_id, contact_id, stopped_by, stopped_at, updated_at, closed_at)
       SELECT $1, $2, $3::text, CASE WHEN $3::text IS NULL THEN NULL ELSE now() END, at, CASE WHEN $3::text IS NULL THEN NULL ELSE at END
       FROM (SELECT $4::timestamptz - $5::int * interval '1 minute' AS at) a`,
      [tenantId, contactId, stoppedBy, clock.now(), ageMinutes],
    );

  it('deletes a backlog a batch per run, again at once while batches come back full, then waits the interval', async () => {
    // Five closed clocks past retention across two tenants; one open, one closed recently.
    for (const [tenant, id, kind] of [
      ['acme', 'old-1', 'answered'],
      ['acme', 'old-2', 'abandoned'],
      ['acme', 'old-3', 'exited'],
      ['globex', 'old-4', 'answered'],
      ['globex', 'old-5', 'answered'],
    ]) {
      await insert(tenant, id, kind, 61);
    }
    await insert('acme', 'open', null, 600);
    await insert('acme', 'recent', 'answered', 59);
    const purgedBefore = (await closedClocksPurged.get()).values[0]?.value ?? 0;

    await dataSource.transaction((manager) => timers.set(manager, { ...CLOCK_RETENTION_TIMER, dueAt: clock.now() }));
    let runs = 0;
    for (let fired = await timers.drain(); fired > 0; fired = await timers.drain()) runs += fired;

    // 2 + 2 + 1: the third run found fewer than a batch and set the timer an interval on.
    expect(runs).toBe(3);
    const left = await dataSource.query(`SELECT contact_id FROM dispatch.contact_clocks ORDER BY contact_id`);
    expect(left.map((row: { contact_id: string }) => row.contact_id)).toEqual(['open', 'recent']);
    const [timer] = await dataSource.query(`SELECT due_at FROM dispatch.timers WHERE kind = $1`, [CLOCK_RETENTION_TIMER.kind]);
    expect(new Date(timer.due_at)).toEqual(new Date(clock.now().getTime() + retention.intervalMs));
    expect((await closedClocksPurged.get()).values[0]?.value).toBe(purgedBefore + 5);
  });
});
