import { Global, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource, type EntityManager } from 'typeorm';
import { createTestDatabase, eventually, type TestDatabase } from '@hotline/testing';
import {
  DurableTimers,
  type DurableTimersOptions,
  durableTimersV1Sql,
  type FiredTimer,
  ParkedTimers,
  type TimerHandler,
  TimersModule,
} from '../src';

const schema = 'svc';

interface FiredRow {
  tenant_id: string;
  kind: string;
  key: string;
  late: boolean;
  late_ms: number;
  attempt: number;
  replica: string;
}

describe('durable timers (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const running: DurableTimers[] = [];

  /** The effect every test handler writes: one row per firing, in the timer's transaction. */
  const record =
    (replica = 'a'): TimerHandler =>
    async (manager: EntityManager, t: FiredTimer) => {
      await manager.query(
        `INSERT INTO ${schema}.fired (tenant_id, kind, key, late, late_ms, attempt, replica) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [t.tenantId, t.kind, t.key, t.late, t.lateByMs, t.attempt, replica],
      );
    };
  const firedOf = async (kind: string): Promise<FiredRow[]> =>
    dataSource.query(`SELECT * FROM ${schema}.fired WHERE kind = $1 ORDER BY key`, [kind]);
  const openOf = async (kind: string): Promise<number> =>
    Number((await dataSource.query(`SELECT count(*)::int AS n FROM ${schema}.timers WHERE kind = $1`, [kind]))[0].n);
  const timers = (options: Partial<DurableTimersOptions> = {}): DurableTimers => {
    const t = new DurableTimers(dataSource, { schema, ...options });
    running.push(t);
    return t;
  };
  const dbNow = async (): Promise<number> => new Date((await dataSource.query('SELECT now() AS now'))[0].now).getTime();
  const inMs = async (ms: number): Promise<Date> => new Date((await dbNow()) + ms);
  const set = (t: DurableTimers, kind: string, key: string, dueAt: Date, tenantId = 'acme') =>
    t.set(dataSource.manager, { tenantId, kind, key, dueAt, payload: { key } });

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    await dataSource.query(`CREATE SCHEMA ${schema}`);
    for (const sql of durableTimersV1Sql(schema)) await dataSource.query(sql);
    await dataSource.query(
      `CREATE TABLE ${schema}.fired (tenant_id text, kind text, key text, late boolean, late_ms int, attempt int, replica text,
       fired_at timestamptz NOT NULL DEFAULT clock_timestamp())`,
    );
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((t) => t.stop()));
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('fires a due timer once, its effect committed with the timer’s removal, and flags it late only past the threshold', async () => {
    const t = timers({ lateAfterMs: 60_000 });
    t.handle('basic', record());
    await set(t, 'basic', 'k1', await inMs(-1_000));
    await set(t, 'basic', 'k2', await inMs(-120_000));
    await set(t, 'basic', 'later', await inMs(3_600_000));

    expect(await t.drain()).toBe(2);
    const fired = await firedOf('basic');
    expect(fired.map((r) => [r.key, r.late, r.attempt])).toEqual([
      ['k1', false, 1],
      ['k2', true, 1],
    ]);
    expect(fired[1].late_ms).toBeGreaterThanOrEqual(120_000);
    expect(await openOf('basic')).toBe(1);
    expect(await t.drain()).toBe(0);
  });

  it('is woken early by NOTIFY when a sooner timer is set while it waits on a long poll', async () => {
    const t = timers({ pollIntervalMs: 60_000 });
    t.handle('early', record());
    await set(t, 'early', 'far', await inMs(3_600_000));
    await t.start();

    const due = await inMs(300);
    await set(t, 'early', 'soon', due);
    const [row] = await eventually(
      async () => {
        const rows = await firedOf('early');
        expect(rows).toHaveLength(1);
        return rows;
      },
      { timeoutMs: 5_000 },
    );
    expect(row.key).toBe('soon');
    // Fired on time, not at the next poll a minute away.
    expect(row.late_ms).toBeLessThan(1_000);
  });

  it('fires on time a timer set too far off to NOTIFY, found by a poll and woken by its alarm', async () => {
    const t = timers({ pollIntervalMs: 1_500 });
    t.handle('polled', record());
    await t.start();

    // More than two poll intervals off: no NOTIFY. The poll 1.5 s in sees it and sets the alarm,
    // which fires it on time rather than at the poll after its due time, a second late.
    await set(t, 'polled', 'k', await inMs(3_500));
    const [row] = await eventually(
      async () => {
        const rows = await firedOf('polled');
        expect(rows).toHaveLength(1);
        return rows;
      },
      { timeoutMs: 8_000 },
    );
    expect(row.late_ms).toBeLessThan(700);
  });

  it('shares timers between two replicas, firing each of them exactly once', async () => {
    const n = 400;
    const a = timers({ batchSize: 20 });
    const b = timers({ batchSize: 20 });
    a.handle('shared', record('a'));
    b.handle('shared', record('b'));
    await a.start();
    await b.start();
    const due = await inMs(200);
    await dataSource.transaction(async (m) => {
      for (let i = 0; i < n; i++) await a.set(m, { tenantId: `t${i % 3}`, kind: 'shared', key: `k${String(i).padStart(4, '0')}`, dueAt: due });
    });

    await eventually(async () => expect(await firedOf('shared')).toHaveLength(n), { timeoutMs: 15_000 });
    const [{ keys }] = await dataSource.query(`SELECT count(DISTINCT (tenant_id, key))::int AS keys FROM ${schema}.fired WHERE kind = 'shared'`);
    expect(keys).toBe(n);
    expect(await openOf('shared')).toBe(0);
  });

  it('fires at start what fell due while it was stopped, flagged late', async () => {
    const before = timers({ lateAfterMs: 100 });
    before.handle('restart', record());
    await before.start();
    const due = await inMs(1_000);
    await set(before, 'restart', 'during-run', due);
    await before.stop();

    await set(before, 'restart', 'while-down', await inMs(-600_000));
    // Wait, on the database's clock, until the first one is overdue past the threshold.
    await eventually(async () => expect(await dbNow()).toBeGreaterThan(due.getTime() + 200), { timeoutMs: 5_000 });
    expect(await firedOf('restart')).toHaveLength(0);

    const after = timers({ lateAfterMs: 100 });
    after.handle('restart', record());
    await after.start();
    const fired = await eventually(
      async () => {
        const rows = await firedOf('restart');
        expect(rows).toHaveLength(2);
        return rows;
      },
      { timeoutMs: 5_000 },
    );
    expect(fired.map((r) => [r.key, r.late])).toEqual([
      ['during-run', true],
      ['while-down', true],
    ]);
    expect(fired[0].late_ms).toBeGreaterThan(100);
    expect(fired[1].late_ms).toBeGreaterThanOrEqual(600_000);
  });

  it('cancels and reschedules a timer identified by (tenant, kind, key)', async () => {
    const t = timers();
    t.handle('resched', record());
    const past = await inMs(-1_000);
    const future = await inMs(3_600_000);

    await set(t, 'resched', 'cancelled', past);
    expect(await t.cancel(dataSource.manager, { tenantId: 'acme', kind: 'resched', key: 'cancelled' })).toBe(true);
    await set(t, 'resched', 'moved-later', past);
    await set(t, 'resched', 'moved-later', future);
    await set(t, 'resched', 'moved-sooner', future);
    await set(t, 'resched', 'moved-sooner', past);
    await set(t, 'resched', 'other-tenant', past, 'globex');
    await set(t, 'resched', 'other-tenant', future, 'acme');
    // Rolled back with the caller's transaction: the timer was never set.
    await expect(
      dataSource.transaction(async (m) => {
        await t.set(m, { tenantId: 'acme', kind: 'resched', key: 'rolled-back', dueAt: past });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');

    expect(await t.drain()).toBe(2);
    expect((await firedOf('resched')).map((r) => `${r.tenant_id}/${r.key}`)).toEqual(['acme/moved-sooner', 'globex/other-tenant']);
    expect(await t.cancel(dataSource.manager, { tenantId: 'acme', kind: 'resched', key: 'cancelled' })).toBe(false);
    // Fired already: cancelling tells the caller its deadline went off first.
    expect(await t.cancel(dataSource.manager, { tenantId: 'acme', kind: 'resched', key: 'moved-sooner' })).toBe(false);
    expect(await t.cancel(dataSource.manager, { tenantId: 'acme', kind: 'resched', key: 'moved-later' })).toBe(true);
  });

  it('sets, moves and cancels many timers in one statement each, as one set or cancel at a time would', async () => {
    const t = timers();
    t.handle('many', record());
    const past = await inMs(-1_000);
    const future = await inMs(3_600_000);
    const spec = (key: string, dueAt: Date, tenantId = 'acme') => ({ tenantId, kind: 'many', key, dueAt, payload: { key } });
    await set(t, 'many', 'moved-sooner', future);
    await t.setMany(dataSource.manager, [spec('due', past), spec('moved-sooner', past), spec('due', past, 'globex'), spec('later', future), spec('cancelled', past)]);
    const ref = (key: string) => ({ tenantId: 'acme', kind: 'many', key });
    // Two live, one never set.
    expect(await t.cancelMany(dataSource.manager, [ref('cancelled'), ref('later'), ref('never-set')])).toBe(2);
    expect(await t.cancelMany(dataSource.manager, [])).toBe(0);
    // Rolled back with the caller's transaction: never set.
    await expect(
      dataSource.transaction(async (m) => {
        await t.setMany(m, [spec('rolled-back', past)]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');

    expect(await t.drain()).toBe(3);
    expect((await firedOf('many')).map((r) => `${r.tenant_id}/${r.key}`)).toEqual(['acme/due', 'globex/due', 'acme/moved-sooner']);
    expect(await openOf('many')).toBe(0);
  });

  it('cancels and sets many timers in one statement (changeMany): a ref in both ends set, its parked copy dropped', async () => {
    const t = timers({ retry: { maxAttempts: 1 } });
    let failing = true;
    t.handle('change', async (manager, timer) => {
      if (failing && timer.key === 'parked') throw new Error('fails once');
      await record()(manager, timer);
    });
    const past = await inMs(-1_000);
    const future = await inMs(3_600_000);
    const spec = (key: string, dueAt: Date) => ({ tenantId: 'acme', kind: 'change', key, dueAt, payload: { key } });
    const ref = (key: string) => ({ tenantId: 'acme', kind: 'change', key });
    await t.setMany(dataSource.manager, [spec('parked', past)]);
    expect(await t.drain()).toBe(0);
    failing = false;
    await t.setMany(dataSource.manager, [spec('stopped', future), spec('restarted', future)]);

    // stopped: cancelled; restarted: cancelled then set again (moved); parked: its parked copy dropped and set live; fresh: set.
    const live = await t.changeMany(dataSource.manager, {
      cancel: [ref('stopped'), ref('restarted'), ref('parked'), ref('never-set')],
      set: [spec('restarted', past), spec('parked', past), spec('fresh', past)],
    });
    expect(live).toBe(1);
    const parked = new ParkedTimers(schema);
    const sql = (text: string, params?: unknown[]) => dataSource.query(text, params);
    expect((await parked.list(sql, { limit: 100, tenantId: 'acme' })).filter((p) => p.kind === 'change')).toEqual([]);
    expect(await t.changeMany(dataSource.manager, { cancel: [], set: [] })).toBe(0);

    expect(await t.drain()).toBe(3);
    expect((await firedOf('change')).map((r) => r.key)).toEqual(['fresh', 'parked', 'restarted']);
    expect(await openOf('change')).toBe(0);
  });

  it('is woken early by NOTIFY when changeMany sets a timer sooner than its next poll', async () => {
    const t = timers({ pollIntervalMs: 60_000 });
    t.handle('change-notified', record());
    await t.start();
    await t.changeMany(dataSource.manager, {
      cancel: [{ tenantId: 'acme', kind: 'change-notified', key: 'gone' }],
      set: [{ tenantId: 'acme', kind: 'change-notified', key: 'soon', dueAt: await inMs(200) }],
    });
    await eventually(async () => expect((await firedOf('change-notified')).map((r) => r.key)).toEqual(['soon']), { timeoutMs: 10_000 });
  });

  it('drops parked copies when many timers are cancelled at once', async () => {
    const t = timers({ retry: { maxAttempts: 1 } });
    t.handle('doomed-many', async () => {
      throw new Error('always fails');
    });
    await t.setMany(dataSource.manager, ['a', 'b'].map((key) => ({ tenantId: 'acme', kind: 'doomed-many', key, dueAt: new Date(Date.now() - 1_000) })));
    expect(await t.drain()).toBe(0);
    const parked = new ParkedTimers(schema);
    const sql = (text: string, params?: unknown[]) => dataSource.query(text, params);
    const doomed = async () => (await parked.list(sql, { limit: 100, tenantId: 'acme' })).filter((p) => p.kind === 'doomed-many');
    expect(await doomed()).toHaveLength(2);
    expect(await t.cancelMany(dataSource.manager, ['a', 'b'].map((key) => ({ tenantId: 'acme', kind: 'doomed-many', key })))).toBe(0);
    expect(await doomed()).toHaveLength(0);
  });

  it('is woken early by NOTIFY when setMany sets a timer sooner than its next poll', async () => {
    const t = timers({ pollIntervalMs: 60_000 });
    t.handle('many-notified', record());
    await t.start();
    await t.setMany(dataSource.manager, [
      { tenantId: 'acme', kind: 'many-notified', key: 'soon', dueAt: await inMs(200) },
      { tenantId: 'acme', kind: 'many-notified', key: 'far', dueAt: await inMs(3_600_000) },
    ]);
    await eventually(async () => expect((await firedOf('many-notified')).map((r) => r.key)).toEqual(['soon']), { timeoutMs: 10_000 });
  });

  it('keeps a timer its own handler set again (the next escalation step)', async () => {
    const t = timers();
    t.handle('escalate', async (manager, timer) => {
      await record()(manager, timer);
      const level = Number(timer.payload['level'] ?? 1);
      if (level < 2) await t.set(manager, { ...timer, dueAt: new Date(timer.dueAt.getTime() + 3_600_000), payload: { level: level + 1 } });
    });
    await t.set(dataSource.manager, { tenantId: 'acme', kind: 'escalate', key: 'alert-1', dueAt: await inMs(-1_000), payload: { level: 1 } });

    expect(await t.drain()).toBe(1);
    const [next] = await dataSource.query(`SELECT payload FROM ${schema}.timers WHERE kind = 'escalate'`);
    expect(next.payload).toEqual({ level: 2 });
  });

  it('retries a failing handler with backoff, then parks it with its reason, while other timers fire on', async () => {
    let broken = true;
    const t = timers({ retry: { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 100 } });
    t.handle('flaky', async (manager, timer) => {
      await record()(manager, timer);
      if (broken && timer.key === 'bad') throw new Error(`downstream refused ${timer.key}`);
    });
    const due = await inMs(-100);
    await set(t, 'flaky', 'bad', due, 'acme');
    for (let i = 0; i < 10; i++) {
      await set(t, 'flaky', `good-${i}`, due, 'acme');
      await set(t, 'flaky', `good-${i}`, due, 'globex');
    }
    await t.start();

    const parked = new ParkedTimers(schema);
    const sql = (text: string, params?: unknown[]) => dataSource.query(text, params);
    const [entry] = await eventually(async () => {
      const rows = await parked.list(sql, { limit: 10 });
      expect(rows).toHaveLength(1);
      return rows;
    });
    expect(entry).toMatchObject({ tenantId: 'acme', kind: 'flaky', key: 'bad', attempts: 3, reason: 'downstream refused bad' });
    const fired = await firedOf('flaky');
    // Each good timer's effect committed once, on its first try; the failing one's effects never did.
    expect(fired).toHaveLength(20);
    expect(fired.every((r) => r.key.startsWith('good-') && r.attempt === 1)).toBe(true);
    expect(await openOf('flaky')).toBe(0);

    broken = false;
    expect(await parked.retry(sql, [{ tenantId: 'acme', kind: 'flaky', key: 'bad' }])).toBe(1);
    await eventually(async () => expect((await firedOf('flaky')).filter((r) => r.key === 'bad')).toHaveLength(1));
    expect(await parked.count(sql)).toBe(0);
  });

  it('gives a batch handler its kind’s due timers together, and each alone again when the batch fails', async () => {
    const calls: string[][] = [];
    const t = timers();
    t.handleBatch('batched', async (manager, due) => {
      calls.push(due.map((timer) => timer.key));
      for (const timer of due) await record()(manager, timer);
      if (due.length > 1 && due.some((timer) => timer.key === 'k3')) throw new Error('k3 makes the batch fail');
    });
    const due = await inMs(-100);
    for (let i = 1; i <= 5; i++) await set(t, 'batched', `k${i}`, new Date(due.getTime() + i));
    await t.start();

    await eventually(async () => expect(await firedOf('batched')).toHaveLength(5));
    // One call for the batch (rolled back), then one per timer: each committed once, on its first try.
    expect(calls[0]).toEqual(['k1', 'k2', 'k3', 'k4', 'k5']);
    expect(calls.slice(1)).toEqual([['k1'], ['k2'], ['k3'], ['k4'], ['k5']]);
    expect((await firedOf('batched')).map((r) => [r.key, r.attempt])).toEqual([['k1', 1], ['k2', 1], ['k3', 1], ['k4', 1], ['k5', 1]]);
    expect(await openOf('batched')).toBe(0);
  });

  it('leaves the timers a batch handler finds busy set, with no try counted, and fires them once their subject is free', async () => {
    let held = true;
    const t = timers();
    t.handleBatch('busy', async (manager, due) => {
      const busy = held ? due.filter((timer) => timer.key === 'held') : [];
      for (const timer of due) if (!busy.includes(timer)) await record()(manager, timer);
      return { busy };
    });
    const due = await inMs(-100);
    for (const key of ['free-1', 'held', 'free-2']) await set(t, 'busy', key, due);
    await t.start();

    await eventually(async () => expect((await firedOf('busy')).map((r) => r.key)).toEqual(['free-1', 'free-2']));
    // Put off a moment at a time, never counted as a failed try.
    const [waiting] = await dataSource.query(`SELECT attempts, fire_at > due_at AS put_off FROM ${schema}.timers WHERE kind = 'busy'`);
    expect(waiting).toEqual({ attempts: 0, put_off: true });
    expect(t.parkedTimers()).toBe(0);

    held = false;
    await eventually(async () => expect((await firedOf('busy')).map((r) => [r.key, r.attempt])).toEqual([['free-1', 1], ['free-2', 1], ['held', 1]]));
    expect(await openOf('busy')).toBe(0);
  });

  it('drops a parked copy when the timer is cancelled, so a retry cannot fire what was cancelled', async () => {
    const t = timers({ retry: { maxAttempts: 1 } });
    t.handle('doomed', async () => {
      throw new Error('always fails');
    });
    await set(t, 'doomed', 'k', await inMs(-1_000));
    expect(await t.drain()).toBe(0);
    const parked = new ParkedTimers(schema);
    const sql = (text: string, params?: unknown[]) => dataSource.query(text, params);
    const doomed = async () => (await parked.list(sql, { limit: 100, tenantId: 'acme' })).filter((p) => p.kind === 'doomed');
    expect(await doomed()).toHaveLength(1);

    expect(await t.cancel(dataSource.manager, { tenantId: 'acme', kind: 'doomed', key: 'k' })).toBe(false);
    expect(await doomed()).toHaveLength(0);
  });

  it('starts and stops with a Nest app; handlers registered in onModuleInit fire', async () => {
    @Injectable()
    class Escalations implements OnModuleInit {
      constructor(private readonly timers: DurableTimers) {}
      onModuleInit(): void {
        this.timers.handle('nest', record());
      }
    }
    // What TypeOrmModule does: the DataSource is global.
    @Global()
    @Module({ providers: [{ provide: DataSource, useValue: dataSource }], exports: [DataSource] })
    class DatabaseModule {}
    @Module({ imports: [DatabaseModule, TimersModule.forRoot({ schema })], providers: [Escalations] })
    class AppModule {}

    const app = await Test.createTestingModule({ imports: [AppModule] }).compile();
    await app.init();
    try {
      const t = app.get(DurableTimers);
      await set(t, 'nest', 'k', await inMs(100));
      await eventually(async () => expect(await firedOf('nest')).toHaveLength(1), { timeoutMs: 5_000 });
    } finally {
      await app.close();
    }
  });
});
