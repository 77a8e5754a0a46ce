import { type CloudEvent, newCloudEvent } from '@hotline/contracts';
import { eventually, metricValue, publishToBus } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

describe('dispatch: closed answer clocks are purged after their retention time (real PostgreSQL, RabbitMQ, durable timers)', () => {
  let svc: StartedService;
  let token: string;

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'dispatch', consumer: 'dispatch', tap: true, env: { DISPATCH_CLOSED_CLOCK_RETENTION_HOURS: '2' } });
    token = await svc.token({ tenant: 'acme', roles: ['supervisor'] });
  });

  afterAll(async () => {
    await svc?.stop();
  });

  const queued = (contactId: string, time: Date): CloudEvent =>
    newCloudEvent({ type: 'contact.queued', source: '/test', tenantId: 'acme', time, data: { contactId, channel: 'voice', queue: 'billing', direction: 'inbound' } });
  const answered = (contactId: string, time: Date): CloudEvent =>
    newCloudEvent({ type: 'contact.answered', source: '/test', tenantId: 'acme', time, data: { contactId, agentId: 'agent-7' } });
  const sla = (contactId: string) => svc.http().get(`/v1/contacts/${contactId}/sla`).auth(token, { type: 'bearer' });
  const clockIds = async (): Promise<string[]> =>
    ((await svc.db.query(`SELECT contact_id FROM dispatch.contact_clocks WHERE tenant_id = 'acme' ORDER BY contact_id`)) as { contact_id: string }[]).map(
      (row) => row.contact_id,
    );
  const retentionTimer = async (): Promise<{ due_at: Date; revision: number } | undefined> =>
    (await svc.db.query(`SELECT due_at, revision FROM dispatch.timers WHERE kind = 'dispatch.clock-retention' AND key = 'contact-clocks'`))[0];
  const verdicts = (type: string, contactId: string) => svc.tap.events.filter((e) => e.type === type && (e.data as { subjectId?: string }).subjectId === contactId);

  it('deletes closed clocks past retention, keeps open, recent and timed ones, re-arms itself, and a purged contact’s late events start afresh', async () => {
    // Armed at start, and run once already: nothing was due.
    await eventually(async () => expect((await retentionTimer())?.due_at.getTime()).toBeGreaterThan(Date.now() + 10 * 60_000));

    const now = Date.now();
    const at = (offsetMs: number) => new Date(now + offsetMs);
    await publishToBus(svc.env.namespace, [
      // Answered in time, and answered after a breach judged at once (queued a minute late): both closed.
      queued('c-old-answered', at(0)),
      answered('c-old-answered', at(1_000)),
      queued('c-old-breached', at(-60_000)),
      answered('c-old-breached', at(-10_000)),
      // Closed, but changed recently; and still waiting (open, its deadline timer set).
      queued('c-recent', at(0)),
      answered('c-recent', at(1_000)),
      queued('c-open', at(0)),
    ]);
    await eventually(async () => {
      expect((await sla('c-old-answered').expect(200)).body).toMatchObject({ state: 'answered', breached: false });
      expect((await sla('c-old-breached').expect(200)).body).toMatchObject({ state: 'answered', breached: true, late: true });
      expect((await sla('c-recent').expect(200)).body).toMatchObject({ state: 'answered' });
      expect((await sla('c-open').expect(200)).body).toMatchObject({ state: 'waiting' });
    });
    // The stop marks a clock closed (wall clock); an open one is not.
    const closedAt = async (id: string) => (await svc.db.query(`SELECT closed_at FROM dispatch.contact_clocks WHERE tenant_id = 'acme' AND contact_id = $1`, [id]))[0].closed_at;
    expect(await closedAt('c-recent')).toBeInstanceOf(Date);
    expect(await closedAt('c-open')).toBeNull();
    // A closed clock whose deadline timer is somehow still set (parked, say) is kept until the timer goes.
    await svc.db.query(
      `INSERT INTO dispatch.contact_clocks (tenant_id, contact_id, stopped_by, stopped_at, closed_at) VALUES ('acme', 'c-timed', 'abandoned', now(), now() - interval '3 hours')`,
    );
    await svc.db.query(
      `INSERT INTO dispatch.timers_parked (tenant_id, kind, key, due_at, payload, attempts, reason) VALUES ('acme', 'sla.answer', 'c-timed', now(), '{}', 5, 'test')`,
    );
    // Three hours since their last change, past the two hours' retention.
    await svc.db.query(
      `UPDATE dispatch.contact_clocks SET updated_at = now() - interval '3 hours', closed_at = CASE WHEN stopped_by IS NULL THEN NULL ELSE now() - interval '3 hours' END WHERE tenant_id = 'acme' AND contact_id IN ('c-old-answered', 'c-old-breached', 'c-open')`,
    );
    const before = (await svc.http().get('/metrics')).text;
    const purgedBefore = metricValue(before, 'hotline_dispatch_closed_clocks_purged_total') ?? 0;

    const { revision } = (await retentionTimer()) as { revision: number };
    await svc.db.query(`UPDATE dispatch.timers SET due_at = now(), fire_at = now() WHERE kind = 'dispatch.clock-retention'`);
    await eventually(async () => {
      const timer = await retentionTimer();
      // Ran (the purge and the timer's next due time commit together), and set itself again an interval on.
      expect(Number(timer?.revision)).toBeGreaterThan(Number(revision));
      expect(timer?.due_at.getTime()).toBeGreaterThan(Date.now() + 10 * 60_000);
    });
    expect(await clockIds()).toEqual(['c-open', 'c-recent', 'c-timed']);
    expect(metricValue((await svc.http().get('/metrics')).text, 'hotline_dispatch_closed_clocks_purged_total')).toBe(purgedBefore + 2);
    await sla('c-old-answered').expect(404);

    // Late events of purged contacts: handled as a contact's first events, never a 5xx or a dead letter.
    // c-old-breached's answer before its deadline can no longer withdraw the breach (past retention).
    await publishToBus(svc.env.namespace, [answered('c-old-breached', at(-50_000)), answered('c-old-answered', at(500))]);
    await eventually(async () => {
      expect((await sla('c-old-breached').expect(200)).body).toMatchObject({ state: 'answered', queuedAt: null, breached: false });
      expect((await sla('c-old-answered').expect(200)).body).toMatchObject({ state: 'answered', queuedAt: null, answeredAt: at(500).toISOString() });
    });
    // A re-sent queued of a purged contact is judged afresh from event times: answered in time, no breach.
    await publishToBus(svc.env.namespace, [queued('c-old-answered', at(0))]);
    await eventually(async () => expect((await sla('c-old-answered').expect(200)).body).toMatchObject({ state: 'answered', queuedAt: at(0).toISOString(), breached: false }));
    expect(verdicts('sla.withdrawn', 'c-old-breached')).toEqual([]);
    expect(verdicts('sla.breached', 'c-old-answered')).toEqual([]);
    expect(await svc.db.query(`SELECT 1 FROM dispatch.timers WHERE kind = 'sla.answer' AND key = 'c-open'`)).toHaveLength(1);
  });
});
