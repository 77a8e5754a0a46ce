import { newCloudEvent } from '@hotline/contracts';
import { eventually, publishToBus } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

const HOUR = 3_600_000;

describe("dispatch: a tenant's rural regions time its faults' repair (real HTTP, PostgreSQL, RabbitMQ)", () => {
  let svc: StartedService;
  let supervisor: string;

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'dispatch', consumer: 'dispatch', tap: true });
    supervisor = await svc.token({ tenant: 'acme', roles: ['supervisor'], subject: 'sup-1' });
  });

  afterAll(() => svc?.stop());

  const put = (region: string, body: unknown, token = supervisor) => svc.http().put(`/v1/regions/${encodeURIComponent(region)}`).auth(token, { type: 'bearer' }).send(body as object);
  const get = (path: string, token = supervisor) => svc.http().get(path).auth(token, { type: 'bearer' });
  type Deadline = { policyId: string; slaKind: string; dueAt: string };
  const repairDeadline = async (caseId: string, region: string, openedAt: Date): Promise<Deadline | undefined> => {
    await publishToBus(svc.env.namespace, [
      newCloudEvent({ type: 'case.opened', source: '/test', tenantId: 'acme', time: openedAt, data: { caseId, type: 'network_fault', priority: 'P2', summary: 'No line', region } }),
    ]);
    return eventually(async () => {
      const deadlines: Deadline[] = (await get(`/v1/cases/${caseId}`).expect(200)).body.openDeadlines;
      const repair = deadlines.find((d) => d.slaKind === 'repair');
      expect(repair).toBeDefined();
      return repair;
    });
  };

  it('gives a fault in a region named rural the 72 h repair clock, and one in a town 48 h', async () => {
    const named = await put('Nujiang', { rural: true }).expect(200);
    expect(named.body).toMatchObject({ region: 'Nujiang', rural: true });
    expect((await get('/v1/regions/Nujiang').expect(200)).body).toMatchObject({ region: 'Nujiang', rural: true });
    await eventually(async () =>
      expect(svc.tap.events.filter((e) => e.type === 'audit.recorded' && (e.data as { action: string }).action === 'region.put')).toEqual([
        expect.objectContaining({ tenantid: 'acme', data: expect.objectContaining({ actor: expect.objectContaining({ id: 'sup-1' }), after: { rural: true } }) }),
      ]),
    );

    const openedAt = new Date();
    // Matched regardless of case: the platform says "nujiang".
    expect(await repairDeadline('CASE-RURAL', 'nujiang', openedAt)).toMatchObject({ policyId: 'fault-repair-rural', dueAt: new Date(openedAt.getTime() + 72 * HOUR).toISOString() });
    expect(await repairDeadline('CASE-TOWN', 'tongzhou', openedAt)).toMatchObject({ policyId: 'fault-repair-town', dueAt: new Date(openedAt.getTime() + 48 * HOUR).toISOString() });

    // Named a town's again, the region's next faults are held to 48 h.
    await put('Nujiang', { rural: false }).expect(200);
    expect(await repairDeadline('CASE-RURAL-2', 'Nujiang', openedAt)).toMatchObject({ policyId: 'fault-repair-town' });
  });

  it('refuses a bad body with 400 naming the field, and agents with 403', async () => {
    const bad = await put('Lijiang', { rural: 'yes' }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'rural' })]);
    await put('Lijiang', {}).expect(400);
    await get('/v1/regions/Lijiang').expect(404);
    const agent = await svc.token({ tenant: 'acme', roles: ['agent'] });
    await put('Lijiang', { rural: true }, agent).expect(403);
  });

  it("keeps each tenant's regions its own", async () => {
    await put('Dali', { rural: true }).expect(200);
    const other = await svc.token({ tenant: 'globex', roles: ['supervisor'] });
    await get('/v1/regions/Dali', other).expect(404);
    await put('Dali', { rural: false }, other).expect(200);
    expect((await get('/v1/regions/Dali').expect(200)).body.rural).toBe(true);
  });

  it('re-plans the running repair clocks of a region switched rural or town, keeping the time already elapsed', async () => {
    const now = Date.now();
    // A town's fault whose 48 h are nearly up, and a rural one 50 h in (22 h left of its 72); their 15 min responses breached long ago.
    const townOpened = new Date(now - 48 * HOUR + 20_000);
    const ruralOpened = new Date(now - 50 * HOUR);
    await put('Shidian', { rural: false }).expect(200);
    await put('Pu’er', { rural: true }).expect(200);
    expect(await repairDeadline('CASE-SHIDIAN', 'shidian', townOpened)).toMatchObject({ policyId: 'fault-repair-town', dueAt: new Date(townOpened.getTime() + 48 * HOUR).toISOString() });
    expect(await repairDeadline('CASE-PUER', ' Pu’er ', ruralOpened)).toMatchObject({ policyId: 'fault-repair-rural', dueAt: new Date(ruralOpened.getTime() + 72 * HOUR).toISOString() });

    // Shidian is rural after all: its fault gets 72 h from its opening, not from the switch.
    await put('Shidian', { rural: true }).expect(200);
    expect((await get('/v1/cases/CASE-SHIDIAN').expect(200)).body.openDeadlines).toContainEqual(
      expect.objectContaining({ policyId: 'fault-repair-rural', dueAt: new Date(townOpened.getTime() + 72 * HOUR).toISOString() }),
    );
    const [timer] = await svc.db.query(`SELECT due_at FROM dispatch.timers WHERE kind = 'sla.case' AND key = 'CASE-SHIDIAN/fault-repair-town'`);
    expect(new Date(timer.due_at).getTime()).toBeGreaterThan(townOpened.getTime() + 48 * HOUR);

    const repairBreaches = (caseId: string) =>
      svc.tap.events.filter((e) => e.type === 'sla.breached' && (e.data as { subjectId: string; slaKind: string }).subjectId === caseId && (e.data as { slaKind: string }).slaKind === 'repair');
    // Pu'er is a town's now: 50 h in, its 48 h have run out: it breaches at the switch, published at once and live.
    const switchedAt = (await put('Pu’er', { rural: false }).expect(200)).body.updatedAt;
    const breach = await eventually(async () => {
      const found = repairBreaches('CASE-PUER');
      expect(found).toHaveLength(1);
      return found[0];
    });
    expect(breach.data).toMatchObject({ slaKind: 'repair', standardId: 'fault-repair-town', deadline: switchedAt, breachedAt: switchedAt, late: false });
    const items = (await get('/v1/cases/CASE-PUER/timeline').expect(200)).body.items;
    expect(items).toContainEqual(expect.objectContaining({ kind: 'clock', event: 'sla.rebudgeted', signal: 'policy_changed', policyId: 'fault-repair-town' }));
    // Nothing happened to Shidian's fault meanwhile.
    expect(repairBreaches('CASE-SHIDIAN')).toEqual([]);
  });
});
