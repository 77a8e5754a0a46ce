import type { NestExpressApplication } from '@nestjs/platform-express';
import { amqpConsumer, bootstrapService } from '@hotline/platform';
import { eventually } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

describe('security: inspections, results and overdue incidents (real HTTP, PostgreSQL, RabbitMQ, durable timers)', () => {
  let svc: StartedService;
  let officer: string;
  /** A second app on the same database and namespace, started by the restart test. */
  let restarted: NestExpressApplication | undefined;

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'security', consumer: 'security', tap: true });
    officer = await svc.token({ tenant: 'acme', roles: ['security'], subject: 'officer-1' });
  });

  afterAll(async () => {
    await restarted?.close();
    await svc?.stop();
  });

  const put = (id: string, body: object, token = officer) => svc.http().put(`/v1/inspections/${id}`).auth(token, { type: 'bearer' }).send(body);
  const results = (id: string, body: object, token = officer) => svc.http().post(`/v1/inspections/${id}/results`).auth(token, { type: 'bearer' }).send(body);
  const overdueIncidents = (tenantId: string, inspectionId: string) =>
    svc.db.query(
      `SELECT i.id, i.severity, i.plan_id AS "planId", t.detail FROM security.incidents i
       JOIN security.incident_timeline t ON t.tenant_id = i.tenant_id AND t.incident_id = i.id AND t.kind = 'opened'
       WHERE i.tenant_id = $1 AND i.type = 'inspection_overdue' AND t.detail->>'inspectionId' = $2`,
      [tenantId, inspectionId],
    );
  const dueTimer = async (inspectionId: string): Promise<Date | undefined> => {
    const [row] = await svc.db.query(`SELECT due_at FROM security.timers WHERE kind = 'inspection.due' AND key = $1`, [inspectionId]);
    return row ? new Date(row.due_at) : undefined;
  };

  it('schedules the built-in weekly access review from firstDueAt alone, and lists it', async () => {
    const firstDueAt = '2099-01-05T09:00:00.000Z';
    const created = (await put('access-review', { firstDueAt }).expect(200)).body;
    expect(created).toMatchObject({ id: 'access-review', every: 'P7D', ownerRole: 'security', nextDueAt: firstDueAt, overdue: false, lastResult: null });
    expect(created.checklist.length).toBeGreaterThan(0);
    expect((await svc.http().get('/v1/inspections').auth(officer, { type: 'bearer' }).expect(200)).body.items).toEqual([created]);
    expect(await dueTimer('access-review')).toEqual(new Date(firstDueAt));
  });

  it('records findings with who recorded them, advances the next due date, and moves the timer', async () => {
    const { checklist } = (await svc.http().get('/v1/inspections').auth(officer, { type: 'bearer' }).expect(200)).body.items[0];
    const findings = checklist.map((item: string, i: number) => ({ item, ok: i !== 1, ...(i === 1 ? { note: 'Key hk_old unused since March' } : {}) }));
    const recorded = (await results('access-review', { findings }).expect(200)).body;
    expect(recorded).toMatchObject({ nextDueAt: '2099-01-12T09:00:00.000Z', lastResult: { dueAt: '2099-01-05T09:00:00.000Z', actor: { id: 'officer-1', kind: 'user' }, findings } });
    expect(await dueTimer('access-review')).toEqual(new Date('2099-01-12T09:00:00.000Z'));
    await eventually(async () =>
      expect(svc.tap.events.filter((e) => e.type === 'audit.recorded' && e.subject === 'access-review').map((e) => (e.data as { action: string }).action)).toEqual([
        'inspection.put',
        'inspection.record',
      ]),
    );
  });

  it('names the bad field with a 400 and records nothing', async () => {
    const errors = async (res: { body: { errors: { path: string }[] } }) => res.body.errors.map(({ path }) => path);
    expect(await errors(await put('access-review', { firstDueAt: 'monday' }).expect(400))).toEqual(['firstDueAt']);
    expect(await errors(await put('door-check', { firstDueAt: inSeconds(60), every: 'P1M', checklist: ['x'], title: 't', ownerRole: 'security' }).expect(400))).toEqual(['every']);
    expect(await errors(await put('door-check', { firstDueAt: inSeconds(60) }).expect(400))).toEqual(['title', 'checklist', 'every', 'ownerRole']);
    expect(await errors(await put('Bad_Id', { firstDueAt: inSeconds(60) }).expect(400))).toEqual(['params.id']);
    expect(await errors(await results('access-review', { findings: [{ item: 'not on the list', ok: true }] }).expect(400))).toEqual(['findings.0.item', 'findings']);
    const [{ count }] = await svc.db.query(`SELECT count(*)::int AS count FROM security.inspection_results`);
    expect(count).toBe(1);
  });

  it('keeps tenants apart and needs the security role to schedule', async () => {
    const other = await svc.token({ tenant: 'globex', roles: ['security'] });
    expect((await svc.http().get('/v1/inspections').auth(other, { type: 'bearer' }).expect(200)).body).toEqual({ items: [] });
    await results('access-review', { findings: [{ item: 'x', ok: true }] }, other).expect(404);
    await svc.http().post('/v1/inspections/access-review/results').auth(other, { type: 'bearer' }).send({ findings: [] }).expect(400);
    const agent = await svc.token({ tenant: 'acme', roles: ['agent'] });
    await put('access-review', { firstDueAt: inSeconds(60) }, agent).expect(403);
    await svc.http().get('/v1/inspections').auth(agent, { type: 'bearer' }).expect(403);
  });

  it('opens one inspection_overdue incident, with its plan, when a due date passes without results', async () => {
    await put('fire-drill', { title: 'Fire drill', checklist: ['Exits clear'], every: 'PT1H', firstDueAt: inSeconds(1), ownerRole: 'supervisor' }).expect(200);
    const [incident] = await eventually(async () => {
      const found = await overdueIncidents('acme', 'fire-drill');
      expect(found).toHaveLength(1);
      return found;
    });
    expect(incident).toMatchObject({ severity: 'P3', planId: 'plan-inspection-overdue', detail: { inspectionId: 'fire-drill', ownerRole: 'supervisor', eventType: 'inspection.due' } });
    expect((await svc.http().get('/v1/inspections').auth(officer, { type: 'bearer' }).expect(200)).body.items).toContainEqual(expect.objectContaining({ id: 'fire-drill', overdue: true }));
    expect(await dueTimer('fire-drill')).toBeUndefined();
  });

  // Last: it closes the app the other tests use and starts another on the same database and namespace.
  it('fires at start an inspection that fell due while security was down', async () => {
    const dueAt = inSeconds(1.5);
    await put('night-check', { title: 'Night check', checklist: ['Doors locked'], every: 'P1D', firstDueAt: dueAt, ownerRole: 'security' }).expect(200);
    await svc.app.close();
    await eventually(
      async () => {
        const [{ passed }] = await svc.db.query(`SELECT now() > $1::timestamptz + interval '1 second' AS passed`, [dueAt]);
        expect(passed).toBe(true);
      },
      { timeoutMs: 10_000, intervalMs: 250 },
    );
    expect(await overdueIncidents('acme', 'night-check')).toEqual([]);

    restarted = await bootstrapService(AppModule, { name: 'security', defaultPort: 0, microservice: amqpConsumer('security') });
    await eventually(async () => expect(await overdueIncidents('acme', 'night-check')).toEqual([expect.objectContaining({ planId: 'plan-inspection-overdue' })]));
  });
});
