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
});
